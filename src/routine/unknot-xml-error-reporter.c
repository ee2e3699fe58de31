/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-xml-error-reporter.h"

/* Turns what libxml2 reports while it parses a routine file into one problem an author
 * can act on: in our words where we have them (unknot-xml-error.c), on one line, and at
 * the place to look, as the rest of the problems are.
 *
 * Only the first mistake is reported. A file that is not well-formed XML has no tree to
 * check, and what libxml2 says after its first mistake follows from that one, with
 * lines that are often wrong: an unclosed <title> makes it report the </step> and then
 * the </routine> that are there as mismatched. */

/* How far back from where libxml2 stopped the start of the markup is looked for. */
#define MAX_LOOK_BACK 1024

struct _UnknotXmlErrorReporter
{
  GObject parent_instance;

  UnknotProblemCollector *problems;
  UnknotSourceText *source;      /* not owned: the document's */
  gssize first_not_utf8;         /* offset of the first byte that is not UTF-8, or -1 */
  gboolean reported;
};

G_DEFINE_FINAL_TYPE (UnknotXmlErrorReporter, unknot_xml_error_reporter, G_TYPE_OBJECT)

static void
unknot_xml_error_reporter_finalize (GObject *object)
{
  UnknotXmlErrorReporter *self = UNKNOT_XML_ERROR_REPORTER (object);

  g_clear_object (&self->problems);

  G_OBJECT_CLASS (unknot_xml_error_reporter_parent_class)->finalize (object);
}

static void
unknot_xml_error_reporter_class_init (UnknotXmlErrorReporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_xml_error_reporter_finalize;
}

static void
unknot_xml_error_reporter_init (UnknotXmlErrorReporter *self)
{
}

/* @source: the file's text, which must outlive the reporter */
UnknotXmlErrorReporter *
unknot_xml_error_reporter_new (UnknotProblemCollector *problems,
                               UnknotSourceText       *source)
{
  UnknotXmlErrorReporter *self;

  g_return_val_if_fail (UNKNOT_IS_PROBLEM_COLLECTOR (problems), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  self = g_object_new (UNKNOT_TYPE_XML_ERROR_REPORTER, NULL);
  self->problems = g_object_ref (problems);
  self->source = source;
  self->first_not_utf8 = unknot_source_text_is_read_as_is (source)
                         ? unknot_source_text_find_invalid_utf8 (source) : -1;
  return self;
}

/* Whether a problem was reported: then the file is not read further. */
gboolean
unknot_xml_error_reporter_has_reported (UnknotXmlErrorReporter *self)
{
  g_return_val_if_fail (UNKNOT_IS_XML_ERROR_REPORTER (self), FALSE);
  return self->reported;
}

static void
add_at_offset (UnknotXmlErrorReporter *self,
               gsize                   offset,
               UnknotRoutineError      code,
               const char             *message)
{
  guint line, column;

  unknot_source_text_get_position (self->source, offset, &line, &column);
  unknot_problem_collector_add (self->problems, line, column, UNKNOT_SEVERITY_ERROR, code,
                                message);
  self->reported = TRUE;
}

static void
add_at_line (UnknotXmlErrorReporter *self,
             guint                   line,
             guint                   column,
             UnknotRoutineError      code,
             const char             *message)
{
  unknot_problem_collector_add (self->problems, line, column, UNKNOT_SEVERITY_ERROR, code,
                                message);
  self->reported = TRUE;
}

/**
 * unknot_xml_error_reporter_refuse:
 * @offset: where libxml2's parser stands in the file, or -1 if it reads a converted copy
 * @line: where it stands by its own count, for when @offset is -1
 * @column: likewise
 * @markup: how what is refused starts, such as "<!DOCTYPE", to point at its start
 *
 * Reports markup that the format does not allow, such as a DOCTYPE.
 */
void
unknot_xml_error_reporter_refuse (UnknotXmlErrorReporter *self,
                                  gssize                  offset,
                                  guint                   line,
                                  guint                   column,
                                  const char             *markup,
                                  UnknotRoutineError      code,
                                  const char             *message)
{
  gssize start;

  g_return_if_fail (UNKNOT_IS_XML_ERROR_REPORTER (self));

  if (self->reported)
    return;
  start = offset >= 0 ? unknot_source_text_find_back (self->source, offset, markup,
                                                      MAX_LOOK_BACK) : -1;
  if (start >= 0)
    add_at_offset (self, start, code, message);
  else
    add_at_line (self, line, column, code, message);
}

/* ---- where ------------------------------------------------------------------------- */

/* The attribute @name whose name ends last before @offset, within the tag there. */
static gssize
find_attribute_back (UnknotXmlErrorReporter *self,
                     gsize                   offset,
                     const char             *name)
{
  const char *text = unknot_source_text_get_text (self->source, NULL);
  gssize found = offset;

  while ((found = unknot_source_text_find_back (self->source, found, name, MAX_LOOK_BACK)) > 0)
    {
      if (g_ascii_isspace (text[found - 1]))
        return found;
      found--;
    }
  return -1;
}

/* Where the markup that libxml2 stopped in starts: an author looks for the "&" of an
 * entity or the "</" of an end tag, where libxml2 reports the place after it. */
static gssize
find_markup_start (UnknotXmlErrorReporter *self,
                   const xmlError         *error,
                   gsize                   offset)
{
  switch ((int) error->code)
    {
    case XML_ERR_TAG_NAME_MISMATCH:
      return unknot_source_text_find_back (self->source, offset, "</", MAX_LOOK_BACK);
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_UNDECLARED_ENTITY:
      return unknot_source_text_find_back (self->source, offset, "&", MAX_LOOK_BACK);
    case XML_ERR_NAME_REQUIRED:
      if (error->message != NULL && g_str_has_prefix (error->message, "xmlParseEntityRef"))
        return unknot_source_text_find_back (self->source, offset, "&", MAX_LOOK_BACK);
      return unknot_source_text_find_back (self->source, offset, "<", MAX_LOOK_BACK);
    case XML_ERR_LT_IN_ATTRIBUTE:
      return unknot_source_text_find_back (self->source, offset, "<", MAX_LOOK_BACK);
    case XML_ERR_ATTRIBUTE_REDEFINED:
      return error->str1 != NULL ? find_attribute_back (self, offset, error->str1) : -1;
    default:
      return offset;
    }
}

/* ---- what --------------------------------------------------------------------------- */

/* Whether the end tag of a mismatch names an element open further out, so that the end
 * tag of the element open last is missing, rather than misspelt. */
static gboolean
end_tag_is_outer (const xmlError *error,
                  xmlNode        *open_element)
{
  if (error->code != XML_ERR_TAG_NAME_MISMATCH || error->str2 == NULL || open_element == NULL)
    return FALSE;
  for (xmlNode *node = open_element->parent; node != NULL && node->type == XML_ELEMENT_NODE;
       node = node->parent)
    if (g_strcmp0 ((const char *) node->name, error->str2) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the error comes from bytes that are not text: those libxml2 reports as such,
 * and any mistake at or after a byte that is not UTF-8 (libxml2 2.9 decodes a UTF-16
 * surrogate written in UTF-8 and reports the character as not allowed in XML). */
static gboolean
is_encoding_error (UnknotXmlErrorReporter *self,
                   const xmlError         *error,
                   gssize                  offset)
{
  return unknot_xml_error_is_encoding (error)
         || (self->first_not_utf8 >= 0 && (offset < 0 || self->first_not_utf8 <= offset));
}

static void
report_encoding (UnknotXmlErrorReporter *self)
{
  g_autofree char *encoding = NULL;
  g_autofree char *message = NULL;
  gsize declared_at = 0;

  /* libxml2 names the bytes after a line break, and where it stood when it found them
   * varies with its version; the bytes themselves say where they are. */
  encoding = unknot_source_text_get_declared_encoding (self->source, &declared_at);

  if (self->first_not_utf8 >= 0)
    {
      const char *text = unknot_source_text_get_text (self->source, NULL);

      message = unknot_xml_error_describe_not_utf8 ((guchar) text[self->first_not_utf8]);
      add_at_offset (self, self->first_not_utf8, UNKNOT_ROUTINE_ERROR_MALFORMED, message);
    }
  else if (encoding != NULL)
    {
      message = unknot_xml_error_describe_not_in_encoding (encoding);
      add_at_offset (self, declared_at, UNKNOT_ROUTINE_ERROR_MALFORMED, message);
    }
  else
    {
      message = unknot_xml_error_describe_not_in_encoding ("UTF-16");
      add_at_line (self, 0, 0, UNKNOT_ROUTINE_ERROR_MALFORMED, message);
    }
}

static void
report_unknown_encoding (UnknotXmlErrorReporter *self,
                         const xmlError         *error)
{
  g_autofree char *encoding = NULL;
  g_autofree char *named = NULL;
  g_autofree char *message = NULL;
  gsize declared_at = 0;

  encoding = unknot_source_text_get_declared_encoding (self->source, &declared_at);
  /* libxml2's name comes from the file's bytes, which need not be UTF-8. */
  named = g_utf8_make_valid (encoding != NULL ? encoding
                             : error->str1 != NULL ? error->str1 : "", -1);
  message = unknot_xml_error_describe_unknown_encoding (named);
  if (encoding != NULL)
    add_at_offset (self, declared_at, UNKNOT_ROUTINE_ERROR_MALFORMED, message);
  else
    add_at_line (self, MAX (error->line, 0), MAX (error->int2, 0),
                 UNKNOT_ROUTINE_ERROR_MALFORMED, message);
}

/* libxml2's own words, on one line and valid UTF-8: it quotes bytes of the file after a
 * line break in some messages, cut at a byte count that can fall inside a character. */
static char *
libxml2_words (const xmlError *error)
{
  g_autofree char *valid = g_utf8_make_valid (error->message != NULL ? error->message : "", -1);
  g_auto (GStrv) lines = g_strsplit (g_strstrip (valid), "\n", 2);

  return g_strdup (lines[0] != NULL ? lines[0] : "");
}

/**
 * unknot_xml_error_reporter_report:
 * @error: as libxml2 hands it to the parser context's handler
 * @offset: where libxml2's parser stands in the file, or -1 if it reads a converted copy
 *   or the error came from outside the parser
 * @open_element: (nullable): the element being built, whose end tag libxml2 expects
 */
void
unknot_xml_error_reporter_report (UnknotXmlErrorReporter *self,
                                  UnknotXmlError         *error,
                                  gssize                  offset,
                                  xmlNode                *open_element)
{
  g_autofree char *ours = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;
  gssize start;

  g_return_if_fail (UNKNOT_IS_XML_ERROR_REPORTER (self));

  /* Warnings (such as a relative namespace URI) do not stop a routine; a stop we asked
   * for ourselves has been reported already. */
  if (self->reported || error->level == XML_ERR_WARNING || error->code == XML_ERR_USER_STOP)
    return;

  if (is_encoding_error (self, error, offset))
    {
      report_encoding (self);
      return;
    }
  if (error->code == XML_ERR_UNSUPPORTED_ENCODING)
    {
      report_unknown_encoding (self, error);
      return;
    }

  ours = unknot_xml_error_describe (error, end_tag_is_outer (error, open_element));
  /* Names quoted from the file are UTF-8 by now, but make sure: GTK and terminals need
   * it. */
  detail = ours != NULL ? g_utf8_make_valid (ours, -1) : libxml2_words (error);
  /* Translators: %s describes the mistake: in our words for the common ones, else in
   * libxml2's own (English) words. */
  message = g_strdup_printf (_("the file is not well-formed XML: %s"), detail);

  start = offset >= 0 ? find_markup_start (self, error, offset) : -1;
  if (start >= 0)
    add_at_offset (self, start, UNKNOT_ROUTINE_ERROR_MALFORMED, message);
  else
    add_at_line (self, MAX (error->line, 0), MAX (error->int2, 0),
                 UNKNOT_ROUTINE_ERROR_MALFORMED, message);
}
