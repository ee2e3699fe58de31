/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "unknot-source-text.h"
#include "unknot-xml-document.h"
#include "unknot-xml-error-reporter.h"

/* A parsed routine file and where each of its elements came from.
 *
 * Routine files come from strangers, so this is the one place that sets libxml2 up:
 * no network, no entity substitution, no DTD loading, no XInclude, and any DOCTYPE
 * stops the parser before its internal subset is read, which rules out entity
 * expansion attacks ("billion laughs") and external entities by construction. */
struct _UnknotXmlDocument
{
  GObject parent_instance;

  GBytes *bytes;
  UnknotSourceText *source;  /* the bytes, for finding lines and columns */
  gboolean offsets_valid;    /* FALSE when libxml2 converted from another encoding */
  xmlParserCtxt *context;
  xmlDoc *doc;
  startElementNsSAX2Func start_element; /* libxml2's own tree builder */
  charactersSAXFunc characters;
  UnknotXmlErrorReporter *errors;       /* only during parsing */
};

G_DEFINE_FINAL_TYPE (UnknotXmlDocument, unknot_xml_document, G_TYPE_OBJECT)

static void
unknot_xml_document_finalize (GObject *object)
{
  UnknotXmlDocument *self = UNKNOT_XML_DOCUMENT (object);

  g_clear_pointer (&self->doc, xmlFreeDoc);
  if (self->context != NULL)
    {
      self->context->myDoc = NULL;
      xmlFreeParserCtxt (self->context);
    }
  g_clear_object (&self->errors);
  g_clear_pointer (&self->source, unknot_source_text_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (unknot_xml_document_parent_class)->finalize (object);
}

static void
unknot_xml_document_class_init (UnknotXmlDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_xml_document_finalize;
}

static void
unknot_xml_document_init (UnknotXmlDocument *self)
{
}

/* Where libxml2's parser stands in the file, or -1 if it reads a converted copy. */
static gssize
get_parser_offset (UnknotXmlDocument *self)
{
  xmlParserInput *input = self->context->input;
  gsize length;

  if (!self->offsets_valid || input == NULL || input->cur == NULL || input->base == NULL)
    return -1;
  unknot_source_text_get_text (self->source, &length);
  return MIN (input->consumed + (input->cur - input->base), length);
}

static void
on_structured_error (void           *user_data,
                     UnknotXmlError *error)
{
  xmlParserCtxt *context = user_data;
  UnknotXmlDocument *self = context->_private;

  unknot_xml_error_reporter_report (self->errors, error, get_parser_offset (self),
                                    context->node);
}

static void
refuse_declaration (xmlParserCtxt *context,
                    const char    *markup,
                    const char    *message)
{
  UnknotXmlDocument *self = context->_private;

  unknot_xml_error_reporter_refuse (self->errors, get_parser_offset (self), context->input->line,
                                    context->input->col, markup, UNKNOT_ROUTINE_ERROR_DOCTYPE,
                                    message);
  xmlStopParser (context);
}

/* Called for "<!DOCTYPE" before libxml2 reads the internal subset. */
static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  refuse_declaration (user_data, "<!DOCTYPE",
                      _("DOCTYPE declarations are not allowed in routine files; "
                        "remove the <!DOCTYPE …> line"));
}

/* A second line of defence: entity declarations can only appear inside a DOCTYPE. */
static void
on_entity_declaration (void          *user_data,
                       const xmlChar *name,
                       int            type,
                       const xmlChar *public_id,
                       const xmlChar *system_id,
                       xmlChar       *content)
{
  refuse_declaration (user_data, "<!ENTITY",
                      _("entity declarations are not allowed in routine files"));
}

/* Builds the element as libxml2 would, then remembers in the node's _private field
 * where its start tag began, plus one so that 0 means "unknown". (libxml2's own
 * record_info does not keep the start of elements with content.) */
static void
on_start_element (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxt *context = user_data;
  UnknotXmlDocument *self = context->_private;
  xmlParserInput *input = context->input;
  const xmlChar *start = input->cur;
  guint newlines = 0;
  gsize length;
  const char *text = unknot_source_text_get_text (self->source, &length);
  gsize offset;

  self->start_element (user_data, localname, prefix, uri, n_namespaces, namespaces,
                       n_attributes, n_defaulted, attributes);
  if (context->node == NULL)
    return;

  /* The parser stands at the end of the start tag, which is still whole in its buffer
   * (attribute values point into it), and no "<" can occur inside a well-formed tag, so
   * the nearest "<" before it is the tag's start. The buffer holds the text as UTF-8
   * even when the file is in another encoding. */
  while (start > input->base && *start != '<')
    if (*start-- == '\n')
      newlines++;

  /* libxml2 gave the element the line where its start tag ends; a tag written over
   * several lines is found on the line of its "<", in messages and in the model alike.
   * (Lines from 65535 on are saturated and left so.) */
  if (*start == '<' && context->node->line < G_MAXUSHORT && context->node->line > newlines)
    context->node->line -= newlines;

  /* In a file libxml2 converted, its buffer is longer or shorter than the file, and the
   * place can even lie past the file's end. */
  offset = input->consumed + (start - input->base);
  while (offset > 0 && (offset >= length || text[offset] != '<'))
    offset--;
  context->node->_private = GSIZE_TO_POINTER (offset + 1);
}

/* Builds the text as libxml2 would, and for a new text node remembers in its _private
 * field where it starts, as for elements, so that text where none belongs can be
 * pointed at. libxml2 hands over either a pointer into its buffer or a copy of what it
 * has just read; either way the position is kept only if the file's own bytes there
 * are the same, which leaves out text that starts with an entity or a CDATA section,
 * and files libxml2 converted. */
static void
on_characters (void          *user_data,
               const xmlChar *text,
               int            length)
{
  xmlParserCtxt *context = user_data;
  UnknotXmlDocument *self = context->_private;
  xmlParserInput *input = context->input;
  xmlNode *parent = context->node;
  xmlNode *last = parent != NULL ? parent->last : NULL;
  guintptr where = (guintptr) text;
  gsize source_length;
  const char *source = unknot_source_text_get_text (self->source, &source_length);
  gsize offset;

  self->characters (user_data, text, length);
  if (parent == NULL || parent->last == NULL || parent->last == last
      || parent->last->type != XML_TEXT_NODE || length <= 0)
    return;

  if (where >= (guintptr) input->base && where < (guintptr) input->end)
    offset = input->consumed + (where - (guintptr) input->base);
  else if (input->cur - input->base >= length)
    offset = input->consumed + (input->cur - input->base) - length;
  else
    return;

  if (offset + length <= source_length && memcmp (source + offset, text, length) == 0)
    parent->last->_private = GSIZE_TO_POINTER (offset + 1);
}

/* After the parse, libxml2's own word on whether it converted the file. */
static gboolean
was_read_as_utf8 (UnknotXmlDocument *self)
{
  return self->doc == NULL || self->doc->encoding == NULL
         || g_ascii_strcasecmp ((const char *) self->doc->encoding, "UTF-8") == 0;
}

/* No network, no entity substitution, no DTD loading, and line numbers past 65535. The
 * SAX handlers are set after this, as some options replace them. */
static void
set_options (xmlParserCtxt *context)
{
  int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS;

#if LIBXML_VERSION < 21300
  /* Nothing on the terminal; since 2.13 this would silence our handler as well. */
  options |= XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
#endif
  xmlCtxtUseOptions (context, options);
}

/* Sends every error of the parse to on_structured_error() without touching what another
 * thread may be parsing (the library reads its folders on a thread of its own). */
static void
parse_with_our_errors (xmlParserCtxt *context)
{
#if LIBXML_VERSION >= 21300
  /* This context's own handler gets them all, encoding errors included. */
  xmlCtxtSetErrorHandler (context, on_structured_error, context);
  xmlParseDocument (context);
#else
  xmlStructuredErrorFunc previous_handler = xmlStructuredError;
  void *previous_data = xmlStructuredErrorContext;

  context->sax->serror = on_structured_error;
  /* Before 2.13, encoding errors are raised outside the parser context, through a
   * handler that is global to the thread (libxml2 keeps its globals per thread): set it
   * for this thread, and only while parsing. */
  xmlSetStructuredErrorFunc (context, on_structured_error);
  xmlParseDocument (context);
  xmlSetStructuredErrorFunc (previous_data, previous_handler);
#endif
}

static void
run_parser (UnknotXmlDocument *self)
{
  xmlParserCtxt *context = self->context;

  set_options (context);
  context->_private = self;
  self->start_element = context->sax->startElementNs;
  context->sax->startElementNs = on_start_element;
  self->characters = context->sax->characters;
  context->sax->characters = on_characters;
  /* libxml2 keeps white space through the same handler, and takes a different one to
   * mean that white space may be dropped; keep them the same. */
  if (context->sax->ignorableWhitespace == self->characters)
    context->sax->ignorableWhitespace = on_characters;
  context->sax->internalSubset = on_internal_subset;
  context->sax->entityDecl = on_entity_declaration;

  parse_with_our_errors (context);

  self->doc = context->myDoc;
  context->myDoc = NULL;
}

static gboolean
is_blank (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/**
 * unknot_xml_document_parse:
 * @bytes: the whole file, already capped in size
 * @problems: where to add what is wrong
 *
 * Returns: (transfer full) (nullable): the document, or %NULL if it is not
 *   well-formed or declares a DOCTYPE; the reasons are in @problems.
 */
UnknotXmlDocument *
unknot_xml_document_parse (GBytes                 *bytes,
                           UnknotProblemCollector *problems)
{
  g_autoptr (UnknotXmlDocument) self = NULL;
  const char *data;
  gsize length;
  gboolean reported;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (UNKNOT_IS_PROBLEM_COLLECTOR (problems), NULL);

  if (is_blank (bytes))
    {
      unknot_problem_collector_add (problems, 0, 0, UNKNOT_SEVERITY_ERROR,
                                    UNKNOT_ROUTINE_ERROR_EMPTY,
                                    _("the file is empty; a routine file starts with "
                                      "<routine format=\"1\" id=\"…\">"));
      return NULL;
    }

  self = g_object_new (UNKNOT_TYPE_XML_DOCUMENT, NULL);
  self->bytes = g_bytes_ref (bytes);
  data = g_bytes_get_data (bytes, &length);
  self->source = unknot_source_text_new (data, length);
  self->offsets_valid = unknot_source_text_is_read_as_is (self->source);
  self->errors = unknot_xml_error_reporter_new (problems, self->source);

  /* The caller caps files far below INT_MAX, which is all libxml2 takes. */
  g_assert (length < G_MAXINT);
  self->context = xmlCreateMemoryParserCtxt (data, (int) length);
  if (self->context == NULL)
    {
      unknot_problem_collector_add (problems, 0, 0, UNKNOT_SEVERITY_ERROR,
                                    UNKNOT_ROUTINE_ERROR_MALFORMED,
                                    _("the XML parser could not start (out of memory?)"));
      return NULL;
    }

  run_parser (self);
  self->offsets_valid &= was_read_as_utf8 (self);
  reported = unknot_xml_error_reporter_has_reported (self->errors);
  g_clear_object (&self->errors);

  if (reported || self->doc == NULL || !self->context->wellFormed)
    {
      if (!reported)
        unknot_problem_collector_add (problems, 0, 0, UNKNOT_SEVERITY_ERROR,
                                      UNKNOT_ROUTINE_ERROR_MALFORMED,
                                      _("the file is not well-formed XML"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

xmlNode *
unknot_xml_document_get_root (UnknotXmlDocument *self)
{
  g_return_val_if_fail (UNKNOT_IS_XML_DOCUMENT (self), NULL);
  return xmlDocGetRootElement (self->doc);
}

xmlDoc *
unknot_xml_document_get_doc (UnknotXmlDocument *self)
{
  g_return_val_if_fail (UNKNOT_IS_XML_DOCUMENT (self), NULL);
  return self->doc;
}

/* Line and column of @offset inside the start tag of @node that begins at @tag_start.
 * The element's line is that of its "<" (see on_start_element()); counting on from
 * there over the tag is cheap, where counting from the top of a file with 100,000
 * elements for each of them would not be. */
static void
offset_to_position (UnknotXmlDocument *self,
                    xmlNode           *node,
                    gsize              tag_start,
                    gsize              offset,
                    guint             *line,
                    guint             *column)
{
  *line = xmlGetLineNo (node) + unknot_source_text_count_newlines (self->source, tag_start,
                                                                    offset);
  *column = unknot_source_text_get_column (self->source, offset);
}

/**
 * unknot_xml_document_locate:
 * @node: an element or a text of this document
 * @attribute: (nullable): an attribute of @node to point at instead, e.g. "duration"
 * @line: (out): from 1
 * @column: (out): from 1, or 0 when only the line is known
 *
 * Where an author should look: the "<" of the element, the attribute's name, or the
 * first visible character of the text.
 */
void
unknot_xml_document_locate (UnknotXmlDocument *self,
                            xmlNode           *node,
                            const char        *attribute,
                            guint             *line,
                            guint             *column)
{
  gsize start;
  gssize offset;

  g_return_if_fail (UNKNOT_IS_XML_DOCUMENT (self));
  g_return_if_fail (node != NULL);

  *line = MAX (xmlGetLineNo (node), 0);
  *column = 0;

  start = GPOINTER_TO_SIZE (node->_private);
  if (start == 0 || !self->offsets_valid || *line == 0)
    return;
  offset = start - 1;

  /* Of a text, its first visible character. Texts are located only to report them, so
   * counting lines from the top of the file costs nothing that matters. */
  if (node->type == XML_TEXT_NODE)
    {
      gsize length;
      const char *text = unknot_source_text_get_text (self->source, &length);

      while ((gsize) offset + 1 < length && g_ascii_isspace (text[offset]))
        offset++;
      unknot_source_text_get_position (self->source, offset, line, column);
      return;
    }

  if (attribute != NULL && node->type == XML_ELEMENT_NODE)
    {
      gssize found = unknot_source_text_find_attribute (self->source, offset, attribute);
      if (found >= 0)
        offset = found;
    }
  offset_to_position (self, node, start - 1, offset, line, column);
}
