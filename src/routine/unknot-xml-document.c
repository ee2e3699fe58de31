/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "unknot-problem.h"
#include "unknot-xml-document.h"
#include "unknot-xml-error.h"

/* libxml2 stops at the first fatal error anyway; a few more are follow-on noise. */
#define MAX_XML_ERRORS 5

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
  const char *source;      /* the bytes, for finding columns */
  gsize length;
  gboolean offsets_valid;  /* FALSE when libxml2 converted from another encoding */
  xmlParserCtxt *context;
  xmlDoc *doc;
  startElementNsSAX2Func start_element; /* libxml2's own tree builder */
  charactersSAXFunc characters;
  gsize counted_offset;    /* the last offset whose column was counted, plus one */
  guint counted_column;
  const char *filename;    /* only during parsing, for messages */
  GPtrArray *problems;     /* only during parsing */
  guint n_errors;
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

static void
add_problem (UnknotXmlDocument  *self,
             guint               line,
             guint               column,
             UnknotRoutineError  code,
             const char         *message)
{
  self->n_errors++;
  if (self->n_errors > MAX_XML_ERRORS)
    return;
  g_ptr_array_add (self->problems,
                   unknot_problem_new (self->filename, line, column, UNKNOT_SEVERITY_ERROR,
                                       code, message));
}

static UnknotXmlDocument *
from_context (void *user_data)
{
  xmlParserCtxt *context = user_data;
  return context->_private;
}

static void
on_structured_error (void        *user_data,
                     xmlErrorPtr  error)
{
  UnknotXmlDocument *self = from_context (user_data);
  g_autofree char *ours = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;

  /* Warnings (such as a relative namespace URI) do not stop a routine; a stop we asked
   * for ourselves has been reported already. */
  if (error->level == XML_ERR_WARNING || error->code == XML_ERR_USER_STOP)
    return;

  ours = unknot_xml_error_describe (error);
  /* libxml2 quotes a stretch of the file after some messages, cut at a byte count that
   * can fall inside a character: keep messages valid UTF-8, as GTK and terminals need. */
  detail = g_strstrip (g_utf8_make_valid (ours != NULL ? ours
                                          : error->message != NULL ? error->message : "", -1));
  /* Translators: %s describes the mistake: in our words for the common ones, else in
   * libxml2's own (English) words. */
  message = g_strdup_printf (_("the file is not well-formed XML: %s"), detail);
  add_problem (self, MAX (error->line, 0), MAX (error->int2, 0),
               UNKNOT_ROUTINE_ERROR_MALFORMED, message);
}

/* Finds where the markup that starts with @prefix, and that the parser is in the middle
 * of, begins: libxml2 reports the position it has reached, but an author looks for the
 * start. FALSE if that part of the file is no longer in the parser's buffer. */
static gboolean
find_markup_start (xmlParserCtxt *context,
                   const char    *prefix,
                   guint         *line,
                   guint         *column)
{
  xmlParserInput *input = context->input;
  gsize length = strlen (prefix);
  const xmlChar *start = input->cur;
  const xmlChar *line_start;
  guint newlines = 0;

  while ((gsize) (input->end - start) < length || memcmp (start, prefix, length) != 0)
    {
      if (start == input->base)
        return FALSE;
      if (*--start == '\n')
        newlines++;
    }

  line_start = start;
  while (line_start > input->base && line_start[-1] != '\n')
    line_start--;
  if (line_start == input->base && input->consumed > 0)
    return FALSE;
  if ((guint) input->line <= newlines)
    return FALSE;

  *line = input->line - newlines;
  *column = g_utf8_strlen ((const char *) line_start, start - line_start) + 1;
  return TRUE;
}

static void
refuse_declaration (xmlParserCtxt *context,
                    const char    *markup,
                    const char    *message)
{
  UnknotXmlDocument *self = context->_private;
  guint line, column;

  if (!find_markup_start (context, markup, &line, &column))
    {
      line = context->input->line;
      column = context->input->col;
    }
  add_problem (self, line, column, UNKNOT_ROUTINE_ERROR_DOCTYPE, message);
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

  offset = input->consumed + (start - input->base);
  offset = MIN (offset, self->length);
  while (offset > 0 && self->source[offset] != '<')
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

  if (offset + length <= self->length && memcmp (self->source + offset, text, length) == 0)
    parent->last->_private = GSIZE_TO_POINTER (offset + 1);
}

static gboolean
is_utf8_without_conversion (UnknotXmlDocument *self)
{
  const guchar *start = (const guchar *) self->source;

  if (self->length >= 2 && ((start[0] == 0xFE && start[1] == 0xFF)
                            || (start[0] == 0xFF && start[1] == 0xFE)))
    return FALSE;
  return self->doc == NULL || self->doc->encoding == NULL
         || g_ascii_strcasecmp ((const char *) self->doc->encoding, "UTF-8") == 0;
}

static void
run_parser (UnknotXmlDocument *self)
{
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS
                      | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  xmlParserCtxt *context = self->context;
  xmlStructuredErrorFunc previous_handler = xmlStructuredError;
  void *previous_data = xmlStructuredErrorContext;

  xmlCtxtUseOptions (context, options);
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
  context->sax->serror = on_structured_error;

  /* Encoding errors are raised outside the parser context; catch them too, for this
   * thread and only while parsing. */
  xmlSetStructuredErrorFunc (context, on_structured_error);
  xmlParseDocument (context);
  xmlSetStructuredErrorFunc (previous_data, previous_handler);

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
 * @filename: how to name the file in messages
 * @problems: (element-type UnknotProblem): where to add what is wrong
 *
 * Returns: (transfer full) (nullable): the document, or %NULL if it is not
 *   well-formed or declares a DOCTYPE; the reasons are in @problems.
 */
UnknotXmlDocument *
unknot_xml_document_parse (GBytes     *bytes,
                           const char *filename,
                           GPtrArray  *problems)
{
  g_autoptr (UnknotXmlDocument) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if (is_blank (bytes))
    {
      g_ptr_array_add (problems,
                       unknot_problem_new (filename, 0, 0, UNKNOT_SEVERITY_ERROR,
                                           UNKNOT_ROUTINE_ERROR_EMPTY,
                                           _("the file is empty; a routine file starts with "
                                             "<routine format=\"1\" id=\"…\">")));
      return NULL;
    }

  self = g_object_new (UNKNOT_TYPE_XML_DOCUMENT, NULL);
  self->bytes = g_bytes_ref (bytes);
  self->source = g_bytes_get_data (bytes, &self->length);
  self->filename = filename;
  self->problems = problems;

  /* The caller caps files far below INT_MAX, which is all libxml2 takes. */
  g_assert (self->length < G_MAXINT);
  self->context = xmlCreateMemoryParserCtxt (self->source, (int) self->length);
  if (self->context == NULL)
    {
      add_problem (self, 0, 0, UNKNOT_ROUTINE_ERROR_MALFORMED,
                   _("the XML parser could not start (out of memory?)"));
      return NULL;
    }

  run_parser (self);
  self->offsets_valid = is_utf8_without_conversion (self);
  self->filename = NULL;
  self->problems = NULL;

  if (self->n_errors > 0 || self->doc == NULL || !self->context->wellFormed)
    {
      if (self->n_errors == 0)
        add_problem (self, 0, 0, UNKNOT_ROUTINE_ERROR_MALFORMED,
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

/* Finds "name=" inside the start tag that begins at @start; returns its offset or -1. */
static gssize
find_attribute (UnknotXmlDocument *self,
                gsize              start,
                const char        *name)
{
  gsize name_length = strlen (name);
  char quote = 0;

  for (gsize i = start + 1; i < self->length; i++)
    {
      char c = self->source[i];

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
          continue;
        }
      if (c == '"' || c == '\'')
        quote = c;
      else if (c == '>')
        break;
      else if (g_ascii_isspace (self->source[i - 1]) && i + name_length < self->length
               && memcmp (self->source + i, name, name_length) == 0)
        {
          gsize after = i + name_length;
          while (after < self->length && g_ascii_isspace (self->source[after]))
            after++;
          if (after < self->length && self->source[after] == '=')
            return i;
        }
    }

  return -1;
}

static guint
count_newlines (const char *text,
                gsize       length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    n += text[i] == '\n';
  return n;
}

/* Columns count characters, as editors do, not bytes.
 *
 * Elements are located in file order, so the count goes on from the last one when it is
 * on the same line: a file written on one line (as tools write XML) with 10,000 steps
 * would otherwise be scanned from its start for each of them. */
static guint
column_of (UnknotXmlDocument *self,
           gsize              offset)
{
  gsize from = self->counted_offset - 1;
  gsize line_start = offset;
  guint column;

  if (self->counted_offset > 0 && offset >= from
      && memchr (self->source + from, '\n', offset - from) == NULL)
    column = self->counted_column + g_utf8_strlen (self->source + from, offset - from);
  else
    {
      while (line_start > 0 && self->source[line_start - 1] != '\n')
        line_start--;
      column = g_utf8_strlen (self->source + line_start, offset - line_start) + 1;
    }

  self->counted_offset = offset + 1;
  self->counted_column = column;
  return column;
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
  *line = xmlGetLineNo (node) + count_newlines (self->source + tag_start, offset - tag_start);
  *column = column_of (self, offset);
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
      while ((gsize) offset + 1 < self->length && g_ascii_isspace (self->source[offset]))
        offset++;
      *line = 1 + count_newlines (self->source, offset);
      *column = column_of (self, offset);
      return;
    }

  if (attribute != NULL && node->type == XML_ELEMENT_NODE)
    {
      gssize found = find_attribute (self, offset, attribute);
      if (found >= 0)
        offset = found;
    }
  offset_to_position (self, node, start - 1, offset, line, column);
}
