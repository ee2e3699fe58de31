/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "unknot-duration.h"
#include "unknot-element-reader.h"
#include "unknot-suggest.h"
#include "unknot-text-choice.h"

/* The shape of one element of a routine file, checked with messages an author can act
 * on: which attributes and namespaces it may have, whether it holds text, elements or
 * nothing, and the values of its durations and vocabulary terms. The readers of
 * <routine>, <step> and the rest say what each element may hold; this says, in one
 * voice, what is wrong when it holds something else. */

#define XML_NAMESPACE "http://www.w3.org/XML/1998/namespace"

/* A quoted text in a message is cut after this many characters. */
#define MAX_QUOTE 40

struct _UnknotElementReader
{
  GObject parent_instance;

  UnknotProblemCollector *problems;
};

G_DEFINE_FINAL_TYPE (UnknotElementReader, unknot_element_reader, G_TYPE_OBJECT)

static void
unknot_element_reader_finalize (GObject *object)
{
  UnknotElementReader *self = UNKNOT_ELEMENT_READER (object);

  g_clear_object (&self->problems);

  G_OBJECT_CLASS (unknot_element_reader_parent_class)->finalize (object);
}

static void
unknot_element_reader_class_init (UnknotElementReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_element_reader_finalize;
}

static void
unknot_element_reader_init (UnknotElementReader *self)
{
}

UnknotElementReader *
unknot_element_reader_new (UnknotProblemCollector *problems)
{
  UnknotElementReader *self;

  g_return_val_if_fail (UNKNOT_IS_PROBLEM_COLLECTOR (problems), NULL);

  self = g_object_new (UNKNOT_TYPE_ELEMENT_READER, NULL);
  self->problems = g_object_ref (problems);
  return self;
}

/* Returns: (transfer none): where the problems of this file go */
UnknotProblemCollector *
unknot_element_reader_get_problems (UnknotElementReader *self)
{
  g_return_val_if_fail (UNKNOT_IS_ELEMENT_READER (self), NULL);
  return self->problems;
}

/* ---- reading ------------------------------------------------------------------------ */

const char *
unknot_element_reader_name_of (xmlNode *node)
{
  return (const char *) node->name;
}

gboolean
unknot_element_reader_is_text (xmlNode *node)
{
  return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

/* Returns: (transfer full) (nullable): the value of an attribute without a namespace */
char *
unknot_element_reader_get_attribute (xmlNode    *node,
                                     const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* Returns: (transfer full) (nullable): the xml:lang of @node itself */
char *
unknot_element_reader_get_language (xmlNode *node)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) "lang", (const xmlChar *) XML_NAMESPACE);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* Returns: (transfer full): the text of @node, white space normalised as the app shows it */
char *
unknot_element_reader_get_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = unknot_text_normalize (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return text;
}

/* The text as a short quote for a message, or %NULL if it is only white space. */
static char *
quote_text (xmlNode *node)
{
  g_autofree char *text = unknot_element_reader_get_text (node);

  if (*text == '\0')
    return NULL;
  if (g_utf8_strlen (text, -1) > MAX_QUOTE)
    {
      const char *end = g_utf8_offset_to_pointer (text, MAX_QUOTE - 1);
      return g_strdup_printf ("%.*s…", (int) (end - text), text);
    }
  return g_steal_pointer (&text);
}

/* ---- names -------------------------------------------------------------------------- */

static void
report_unknown_attribute (UnknotElementReader *self,
                          xmlNode             *node,
                          const char          *attribute,
                          const char *const   *allowed)
{
  const char *element = unknot_element_reader_name_of (node);
  const char *suggestion = unknot_suggest (attribute, allowed);
  g_autofree char *list = NULL;

  if (suggestion != NULL)
    {
      unknot_problem_collector_error (self->problems, node, attribute,
                                      UNKNOT_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
                                      /* Translators: e.g. unknown attribute 'duraton' in <step>
                                       * (did you mean 'duration'?) */
                                      _("unknown attribute '%s' in <%s> (did you mean '%s'?)"),
                                      attribute, element, suggestion);
      return;
    }

  list = g_strjoinv (", ", (char **) allowed);
  unknot_problem_collector_error (self->problems, node, attribute,
                                  UNKNOT_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
                                  /* Translators: the last %s lists the attributes allowed, such as
                                   * "format, id" */
                                  _("unknown attribute '%s' in <%s>; allowed here: %s"),
                                  attribute, element, list);
}

/**
 * unknot_element_reader_report_unknown_element:
 * @node: an element its parent may not hold
 * @allowed: the elements the parent may hold
 */
void
unknot_element_reader_report_unknown_element (UnknotElementReader *self,
                                              xmlNode             *node,
                                              const char *const   *allowed)
{
  const char *name = unknot_element_reader_name_of (node);
  const char *parent = unknot_element_reader_name_of (node->parent);
  const char *suggestion = unknot_suggest (name, allowed);
  g_autofree char *list = NULL;

  g_return_if_fail (UNKNOT_IS_ELEMENT_READER (self));

  if (suggestion != NULL)
    {
      unknot_problem_collector_error (self->problems, node, NULL,
                                      UNKNOT_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                                      /* Translators: e.g. unknown element 'instruction' in <step>
                                       * (did you mean 'instructions'?) */
                                      _("unknown element '%s' in <%s> (did you mean '%s'?)"),
                                      name, parent, suggestion);
      return;
    }

  list = g_strjoinv (", ", (char **) allowed);
  unknot_problem_collector_error (self->problems, node, NULL,
                                  UNKNOT_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                                  /* Translators: the last %s lists the elements allowed, such as
                                   * "title, instructions" */
                                  _("unknown element '%s' in <%s>; allowed here: %s"),
                                  name, parent, list);
}

/* Elements and attributes from other XML vocabularies (XInclude above all) are refused:
 * the format is self-contained, and nothing in a file may pull in another. */
gboolean
unknot_element_reader_check_namespace (UnknotElementReader *self,
                                       xmlNode             *node)
{
  g_return_val_if_fail (UNKNOT_IS_ELEMENT_READER (self), FALSE);

  if (node->ns == NULL)
    return TRUE;

  if (node->ns->href != NULL && strstr ((const char *) node->ns->href, "XInclude") != NULL)
    unknot_problem_collector_error (self->problems, node, NULL, UNKNOT_ROUTINE_ERROR_XINCLUDE,
                                    _("XInclude is not allowed in routine files; copy the "
                                      "content in instead"));
  else
    unknot_problem_collector_error (self->problems, node, NULL, UNKNOT_ROUTINE_ERROR_XINCLUDE,
                                    /* Translators: the second %s is a web address that names an XML
                                     * vocabulary */
                                    _("<%s> belongs to the XML namespace '%s'; routine files "
                                      "use no namespace"),
                                    unknot_element_reader_name_of (node),
                                    node->ns->href != NULL ? (const char *) node->ns->href : "");
  return FALSE;
}

/* Reports every attribute of @node not in @allowed ("xml:lang" stands for the one
 * attribute with a namespace the format knows). */
void
unknot_element_reader_check_attributes (UnknotElementReader *self,
                                        xmlNode             *node,
                                        const char *const   *allowed)
{
  g_return_if_fail (UNKNOT_IS_ELEMENT_READER (self));

  for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
    {
      const char *name = (const char *) attribute->name;
      g_autofree char *qualified = NULL;

      if (attribute->ns == NULL)
        {
          if (!g_strv_contains (allowed, name))
            report_unknown_attribute (self, node, name, allowed);
          continue;
        }

      qualified = g_strdup_printf ("%s:%s", attribute->ns->prefix, name);
      if (g_strcmp0 ((const char *) attribute->ns->href, XML_NAMESPACE) != 0
          || !g_strv_contains (allowed, qualified))
        report_unknown_attribute (self, node, qualified, allowed);
    }
}

/* ---- content ------------------------------------------------------------------------ */

/* <routine> and <step> hold elements only; text between them is a note meant as a
 * comment, or the rest of a text whose element was closed too early. @home names the
 * element where such text belongs. */
void
unknot_element_reader_check_stray_text (UnknotElementReader *self,
                                        xmlNode             *parent,
                                        xmlNode             *text,
                                        const char          *home)
{
  g_autofree char *quote = quote_text (text);

  g_return_if_fail (UNKNOT_IS_ELEMENT_READER (self));

  if (quote != NULL)
    unknot_problem_collector_error (self->problems, text, NULL, UNKNOT_ROUTINE_ERROR_MISPLACED,
                                    /* Translators: e.g. the text "Drink water." stands directly in
                                     * <routine>, outside any element; put it in <description>, or
                                     * in a comment <!-- … --> */
                                    _("the text \"%s\" stands directly in <%s>, outside any "
                                      "element; put it in <%s>, or in a comment <!-- … -->"),
                                    quote, unknot_element_reader_name_of (parent), home);
}

/* <name>, <title> … hold text only: markup inside would not be shown as such. */
void
unknot_element_reader_check_text_only (UnknotElementReader *self,
                                       xmlNode             *node)
{
  g_return_if_fail (UNKNOT_IS_ELEMENT_READER (self));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && unknot_element_reader_check_namespace (self, child))
      unknot_problem_collector_error (self->problems, child, NULL,
                                      UNKNOT_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                                      /* Translators: e.g. <title> holds text only; remove the <b>
                                       * tags from it */
                                      _("<%s> holds text only; remove the <%s> tags from it"),
                                      unknot_element_reader_name_of (node),
                                      unknot_element_reader_name_of (child));
}

/* <prepare>, <rest>, <image> and <audio> hold nothing but their attributes. */
void
unknot_element_reader_check_empty (UnknotElementReader *self,
                                   xmlNode             *node)
{
  const char *name = unknot_element_reader_name_of (node);

  g_return_if_fail (UNKNOT_IS_ELEMENT_READER (self));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *quote = NULL;

      if (child->type == XML_ELEMENT_NODE && unknot_element_reader_check_namespace (self, child))
        unknot_problem_collector_error (self->problems, child, NULL,
                                        UNKNOT_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                                        /* Translators: e.g. <rest> holds nothing; remove <title>
                                         * from it */
                                        _("<%s> holds nothing; remove <%s> from it"),
                                        name, unknot_element_reader_name_of (child));
      else if (unknot_element_reader_is_text (child) && (quote = quote_text (child)) != NULL)
        unknot_problem_collector_error (self->problems, child, NULL,
                                        UNKNOT_ROUTINE_ERROR_MISPLACED,
                                        /* Translators: e.g. <rest> holds nothing; remove the text
                                         * "Shake out" from it */
                                        _("<%s> holds nothing; remove the text \"%s\" from it"),
                                        name, quote);
    }
}

/* ---- values ------------------------------------------------------------------------- */

/**
 * unknot_element_reader_read_duration:
 * @minimum: in ms, the shortest duration allowed
 * @maximum: in ms, the longest
 * @out: (out): the duration in ms, or -1 if the attribute is missing or wrong
 *
 * Returns: %TRUE if the duration is fine, or missing and not @required
 */
gboolean
unknot_element_reader_read_duration (UnknotElementReader *self,
                                     xmlNode             *node,
                                     const char          *attribute,
                                     gboolean             required,
                                     gint64               minimum,
                                     gint64               maximum,
                                     gint64              *out)
{
  g_autofree char *value = unknot_element_reader_get_attribute (node, attribute);
  const char *name = unknot_element_reader_name_of (node);
  g_autoptr (GError) error = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (UNKNOT_IS_ELEMENT_READER (self), FALSE);

  *out = -1;
  if (value == NULL)
    {
      if (required)
        unknot_problem_collector_error (self->problems, node, NULL,
                                        UNKNOT_ROUTINE_ERROR_MISSING_ATTRIBUTE,
                                        /* Translators: e.g. <rest> needs a duration attribute, such
                                         * as duration="45s" */
                                        _("<%s> needs a %s attribute, such as %s=\"45s\""),
                                        name, attribute, attribute);
      return !required;
    }

  if (!unknot_duration_parse (value, out, &error))
    {
      unknot_problem_collector_report_gerror (self->problems, node, attribute, error);
      return FALSE;
    }

  if (*out >= minimum && *out <= maximum)
    return TRUE;

  low = unknot_duration_to_attribute (minimum);
  high = unknot_duration_to_attribute (maximum);
  unknot_problem_collector_error (self->problems, node, attribute,
                                  UNKNOT_ROUTINE_ERROR_DURATION_RANGE,
                                  /* Translators: e.g. duration="0s" of <step> is out of range: it
                                   * must lie between 1s and 60m */
                                  _("%s=\"%s\" of <%s> is out of range: it must lie between %s "
                                    "and %s"),
                                  attribute, value, name, low, high);
  return FALSE;
}

/* One message per word list, so that each reads as a whole sentence in every language,
 * with no English attribute name put into it. */
static char *
describe_misspelt_term (UnknotVocabulary  vocabulary,
                        const char       *value,
                        const char       *suggestion)
{
  switch (vocabulary)
    {
    case UNKNOT_VOCABULARY_REGION:
      /* Translators: what the author wrote, then the region id meant, as in
       * unknown region 'quads' (did you mean 'quadriceps'?); the ids stay in English */
      return g_strdup_printf (_("unknown region '%s' (did you mean '%s'?)"), value, suggestion);
    case UNKNOT_VOCABULARY_TECHNIQUE:
      /* Translators: what the author wrote, then the technique id meant, as in
       * unknown technique 'kneading' (did you mean 'petrissage'?) */
      return g_strdup_printf (_("unknown technique '%s' (did you mean '%s'?)"), value,
                              suggestion);
    case UNKNOT_VOCABULARY_TOOL:
      /* Translators: what the author wrote, then the tool id meant, as in
       * unknown tool 'roller' (did you mean 'foam-roller'?) */
      return g_strdup_printf (_("unknown tool '%s' (did you mean '%s'?)"), value, suggestion);
    case UNKNOT_VOCABULARY_PRESSURE:
      /* Translators: what the author wrote, then the pressure id meant, as in
       * unknown pressure 'deep' (did you mean 'firm'?) */
      return g_strdup_printf (_("unknown pressure '%s' (did you mean '%s'?)"), value,
                              suggestion);
    case UNKNOT_VOCABULARY_SIDE:
      /* Translators: what the author wrote, then the side id meant, as in
       * unknown side 'eech' (did you mean 'each'?) */
      return g_strdup_printf (_("unknown side '%s' (did you mean '%s'?)"), value, suggestion);
    case UNKNOT_VOCABULARY_RUN_KIND:
      /* Translators: what the author wrote, then the run kind id meant, as in
       * unknown run kind 'marathon' (did you mean 'race'?) */
      return g_strdup_printf (_("unknown run kind '%s' (did you mean '%s'?)"), value,
                              suggestion);
    case UNKNOT_N_VOCABULARIES:
    default:
      g_assert_not_reached ();
    }
}

static char *
describe_unknown_term (UnknotVocabulary  vocabulary,
                       const char       *value,
                       const char       *known)
{
  switch (vocabulary)
    {
    case UNKNOT_VOCABULARY_REGION:
      /* Translators: what the author wrote, then the list of region ids */
      return g_strdup_printf (_("unknown region '%s'; use one of: %s"), value, known);
    case UNKNOT_VOCABULARY_TECHNIQUE:
      /* Translators: what the author wrote, then the list of technique ids */
      return g_strdup_printf (_("unknown technique '%s'; use one of: %s"), value, known);
    case UNKNOT_VOCABULARY_TOOL:
      /* Translators: what the author wrote, then the list of tool ids */
      return g_strdup_printf (_("unknown tool '%s'; use one of: %s"), value, known);
    case UNKNOT_VOCABULARY_PRESSURE:
      /* Translators: what the author wrote, then the list of pressure ids */
      return g_strdup_printf (_("unknown pressure '%s'; use one of: %s"), value, known);
    case UNKNOT_VOCABULARY_SIDE:
      /* Translators: what the author wrote, then the list of side ids */
      return g_strdup_printf (_("unknown side '%s'; use one of: %s"), value, known);
    case UNKNOT_VOCABULARY_RUN_KIND:
      /* Translators: what the author wrote, then the list of run kind ids */
      return g_strdup_printf (_("unknown run kind '%s'; use one of: %s"), value, known);
    case UNKNOT_N_VOCABULARIES:
    default:
      g_assert_not_reached ();
    }
}

/* @value: a value of @vocabulary's attribute that is not in the list, or one word of it */
void
unknot_element_reader_report_unknown_term (UnknotElementReader *self,
                                           xmlNode             *node,
                                           UnknotVocabulary     vocabulary,
                                           const char          *value)
{
  const char *attribute = unknot_vocabulary_get_attribute (vocabulary);
  const char *suggestion = unknot_vocabulary_suggest (vocabulary, value);
  g_autoptr (GString) known = NULL;
  g_autofree char *message = NULL;

  if (suggestion != NULL)
    message = describe_misspelt_term (vocabulary, value, suggestion);
  else
    {
      known = g_string_new (NULL);
      for (guint i = 0; i < unknot_vocabulary_get_n_terms (vocabulary); i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "",
                                unknot_vocabulary_get_id (vocabulary, i));
      message = describe_unknown_term (vocabulary, value, known->str);
    }
  unknot_problem_collector_error (self->problems, node, attribute,
                                  UNKNOT_ROUTINE_ERROR_UNKNOWN_VALUE, "%s", message);
}

/**
 * unknot_element_reader_read_term:
 * @vocabulary: the word list, which also names the attribute
 * @default_term: what @out is when the attribute is missing
 * @out: (out): the term's index in its list
 *
 * Returns: %TRUE if the term is known, or missing and not @required
 */
gboolean
unknot_element_reader_read_term (UnknotElementReader *self,
                                 xmlNode             *node,
                                 UnknotVocabulary     vocabulary,
                                 gboolean             required,
                                 guint                default_term,
                                 guint               *out)
{
  const char *attribute = unknot_vocabulary_get_attribute (vocabulary);
  g_autofree char *value = unknot_element_reader_get_attribute (node, attribute);

  g_return_val_if_fail (UNKNOT_IS_ELEMENT_READER (self), FALSE);

  *out = default_term;
  if (value == NULL)
    {
      if (required)
        unknot_problem_collector_error (self->problems, node, NULL,
                                        UNKNOT_ROUTINE_ERROR_MISSING_ATTRIBUTE,
                                        /* Translators: e.g. <step> needs a region attribute, such
                                         * as region="neck" */
                                        _("<%s> needs a %s attribute, such as %s=\"%s\""),
                                        unknot_element_reader_name_of (node), attribute,
                                        attribute, unknot_vocabulary_get_id (vocabulary, 0));
      return !required;
    }

  if (unknot_vocabulary_lookup (vocabulary, value, out))
    return TRUE;

  unknot_element_reader_report_unknown_term (self, node, vocabulary, value);
  return FALSE;
}
