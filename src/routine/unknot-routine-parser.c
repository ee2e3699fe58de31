/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "unknot-duration.h"
#include "unknot-file-reader.h"
#include "unknot-language.h"
#include "unknot-media-path.h"
#include "unknot-problem.h"
#include "unknot-routine-parser.h"
#include "unknot-schema.h"
#include "unknot-suggest.h"
#include "unknot-text-choice.h"
#include "unknot-xml-document.h"

/* Turns a routine file into an UnknotRoutine, or into a list of problems an author can
 * act on: file, line, column, what is wrong and, for typos, what was probably meant.
 *
 * It checks everything it can with a precise message first (unknown names, the word
 * lists, durations, cue times, media paths); only a file that passes is then validated
 * against the RELAX NG schema, which catches whatever structure is left. */

#define MAX_PROBLEMS 20

#define XML_NAMESPACE "http://www.w3.org/XML/1998/namespace"

struct _UnknotRoutineParser
{
  GObject parent_instance;

  GStrv languages;                /* normalised preferences */
  gboolean missing_media_is_error;
};

G_DEFINE_FINAL_TYPE (UnknotRoutineParser, unknot_routine_parser, G_TYPE_OBJECT)

/* Everything about one file being loaded. */
typedef struct
{
  UnknotRoutineParser *parser;
  UnknotXmlDocument *document;
  const char *filename;
  GFile *folder;         /* nullable: media is then not looked up on disk */
  GPtrArray *problems;   /* of UnknotProblem, errors and warnings */
  GPtrArray *warnings;   /* the warnings again, for the routine to keep */
  guint n_errors;
  guint n_dropped;
} Load;

static const char *const routine_attributes[] = { "format", "id", NULL };
static const char *const routine_children[] = {
  "name", "description", "author", "license", "safety", "prepare", "step", "rest", NULL
};
static const char *const step_attributes[] = {
  "region", "technique", "tool", "pressure", "side", "duration", "switch", NULL
};
static const char *const step_children[] = {
  "title", "instructions", "cue", "image", "audio", NULL
};
static const char *const duration_attributes[] = { "duration", NULL };
static const char *const text_attributes[] = { "xml:lang", NULL };
static const char *const cue_attributes[] = { "at", "xml:lang", NULL };
static const char *const media_attributes[] = { "src", NULL };
static const char *const no_attributes[] = { NULL };

static void
unknot_routine_parser_finalize (GObject *object)
{
  UnknotRoutineParser *self = UNKNOT_ROUTINE_PARSER (object);

  g_strfreev (self->languages);

  G_OBJECT_CLASS (unknot_routine_parser_parent_class)->finalize (object);
}

static void
unknot_routine_parser_class_init (UnknotRoutineParserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_routine_parser_finalize;
}

static void
unknot_routine_parser_init (UnknotRoutineParser *self)
{
  self->languages = unknot_language_preferences (NULL);
}

/* A parser for the user's languages that treats missing media as a warning, as the app
 * does; the validator makes it an error. */
UnknotRoutineParser *
unknot_routine_parser_new (void)
{
  return g_object_new (UNKNOT_TYPE_ROUTINE_PARSER, NULL);
}

/* @locale_names: as g_get_language_names() returns them, or %NULL for the user's. */
void
unknot_routine_parser_set_languages (UnknotRoutineParser *self,
                                     const char *const   *locale_names)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_PARSER (self));

  g_strfreev (self->languages);
  self->languages = unknot_language_preferences (locale_names);
}

void
unknot_routine_parser_set_missing_media_is_error (UnknotRoutineParser *self,
                                                  gboolean             is_error)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_PARSER (self));
  self->missing_media_is_error = is_error;
}

/* ---- reporting ---------------------------------------------------------------------- */

static void
add_problem (Load          *load,
             UnknotProblem *problem)
{
  if (unknot_problem_get_severity (problem) == UNKNOT_SEVERITY_ERROR)
    load->n_errors++;
  else
    g_ptr_array_add (load->warnings, g_object_ref (problem));

  if (load->problems->len >= MAX_PROBLEMS)
    {
      load->n_dropped++;
      g_object_unref (problem);
      return;
    }
  g_ptr_array_add (load->problems, problem);
}

static void report (Load *, xmlNode *, const char *, UnknotSeverity, UnknotRoutineError,
                    const char *, ...) G_GNUC_PRINTF (6, 7);

static void
report (Load               *load,
        xmlNode            *node,
        const char         *attribute,
        UnknotSeverity      severity,
        UnknotRoutineError  code,
        const char         *format,
        ...)
{
  g_autofree char *message = NULL;
  guint line = 0, column = 0;
  va_list args;

  /* An error past the cap is only counted: it would be dropped anyway, and finding
   * where it is costs a scan of its line, which for 100,000 of them on one line adds up
   * to minutes. (Warnings are kept with the routine, so they are always made.) */
  if (severity == UNKNOT_SEVERITY_ERROR && load->problems->len >= MAX_PROBLEMS)
    {
      load->n_errors++;
      load->n_dropped++;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (node != NULL)
    unknot_xml_document_locate (load->document, node, attribute, &line, &column);
  add_problem (load, unknot_problem_new (load->filename, line, column, severity, code, message));
}

#define report_error(load, node, attribute, code, ...) \
  report (load, node, attribute, UNKNOT_SEVERITY_ERROR, code, __VA_ARGS__)

static void
report_gerror (Load       *load,
               xmlNode    *node,
               const char *attribute,
               GError     *error)
{
  report_error (load, node, attribute, error->code, "%s", error->message);
}

/* ---- small readers ------------------------------------------------------------------ */

/* The line of the element's "<", as messages give it. */
static guint
locate_line (Load    *load,
             xmlNode *node)
{
  guint line, column;

  unknot_xml_document_locate (load->document, node, NULL, &line, &column);
  return line;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
get_language (xmlNode *node)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) "lang", (const xmlChar *) XML_NAMESPACE);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
get_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = unknot_text_normalize (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return text;
}

static const char *
name_of (xmlNode *node)
{
  return (const char *) node->name;
}

static gboolean
strv_contains (const char *const *list,
               const char        *word)
{
  return g_strv_contains (list, word);
}

static void
report_unknown_name (Load               *load,
                     xmlNode            *node,
                     const char         *attribute,
                     UnknotRoutineError  code,
                     const char         *known_in,
                     const char *const  *known)
{
  const char *name = attribute ? attribute : name_of (node);
  const char *suggestion = unknot_suggest (name, known);
  g_autofree char *list = g_strjoinv (", ", (char **) known);

  /* Whole sentences for each, so that translators can make the words agree. */
  if (attribute != NULL && suggestion != NULL)
    /* Translators: e.g. unknown attribute 'duraton' in <step> (did you mean 'duration'?) */
    report_error (load, node, attribute, code, _("unknown attribute '%s' in <%s> "
                                                 "(did you mean '%s'?)"),
                  name, known_in, suggestion);
  else if (attribute != NULL)
    /* Translators: the last %s lists the attributes allowed, such as "format, id" */
    report_error (load, node, attribute, code, _("unknown attribute '%s' in <%s>; "
                                                 "allowed here: %s"),
                  name, known_in, list);
  else if (suggestion != NULL)
    /* Translators: e.g. unknown element 'instruction' in <step> (did you mean 'instructions'?) */
    report_error (load, node, NULL, code, _("unknown element '%s' in <%s> (did you mean '%s'?)"),
                  name, known_in, suggestion);
  else
    /* Translators: the last %s lists the elements allowed, such as "title, instructions" */
    report_error (load, node, NULL, code, _("unknown element '%s' in <%s>; allowed here: %s"),
                  name, known_in, list);
}

/* Elements and attributes from other XML vocabularies (XInclude above all) are refused:
 * the format is self-contained, and nothing in a file may pull in another. */
static gboolean
check_namespace (Load    *load,
                 xmlNode *node)
{
  if (node->ns == NULL)
    return TRUE;

  if (node->ns->href != NULL && strstr ((const char *) node->ns->href, "XInclude") != NULL)
    report_error (load, node, NULL, UNKNOT_ROUTINE_ERROR_XINCLUDE,
                  _("XInclude is not allowed in routine files; copy the content in instead"));
  else
    report_error (load, node, NULL, UNKNOT_ROUTINE_ERROR_XINCLUDE,
                  _("<%s> belongs to the XML namespace '%s'; routine files use no namespace"),
                  name_of (node), node->ns->href != NULL ? (const char *) node->ns->href : "");
  return FALSE;
}

static void
check_attributes (Load              *load,
                  xmlNode           *node,
                  const char *const *allowed)
{
  for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
    {
      const char *name = (const char *) attribute->name;

      if (attribute->ns != NULL)
        {
          g_autofree char *qualified = g_strdup_printf ("%s:%s", attribute->ns->prefix, name);

          if (g_strcmp0 ((const char *) attribute->ns->href, XML_NAMESPACE) == 0
              && strv_contains (allowed, qualified))
            continue;
          report_unknown_name (load, node, qualified, UNKNOT_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
                               name_of (node), allowed);
          continue;
        }

      if (!strv_contains (allowed, name))
        report_unknown_name (load, node, name, UNKNOT_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
                             name_of (node), allowed);
    }
}

/* ---- what an element may hold ------------------------------------------------------- */

static gboolean
is_text (xmlNode *node)
{
  return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

/* The text as a short quote for a message, or %NULL if it is only white space. */
static char *
quote_text (xmlNode *node)
{
  g_autofree char *text = get_text (node);

  if (*text == '\0')
    return NULL;
  if (g_utf8_strlen (text, -1) > 40)
    {
      const char *end = g_utf8_offset_to_pointer (text, 39);
      return g_strdup_printf ("%.*s…", (int) (end - text), text);
    }
  return g_steal_pointer (&text);
}

/* <routine> and <step> hold elements only; text between them is a note meant as a
 * comment, or the rest of a text whose element was closed too early. */
static void
check_stray_text (Load       *load,
                  xmlNode    *parent,
                  xmlNode    *text,
                  const char *home)
{
  g_autofree char *quote = quote_text (text);

  if (quote != NULL)
    /* Translators: e.g. the text "Drink water." stands directly in <routine>, outside any
     * element; put it in <description>, or in a comment <!-- … --> */
    report_error (load, text, NULL, UNKNOT_ROUTINE_ERROR_MISPLACED,
                  _("the text \"%s\" stands directly in <%s>, outside any element; put it in "
                    "<%s>, or in a comment <!-- … -->"), quote, name_of (parent), home);
}

/* <name>, <title> … hold text only: markup inside would not be shown as such. */
static void
check_text_only (Load    *load,
                 xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && check_namespace (load, child))
      report_error (load, child, NULL, UNKNOT_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                    _("<%s> holds text only; remove the <%s> tags from it"),
                    name_of (node), name_of (child));
}

/* <prepare>, <rest>, <image> and <audio> hold nothing but their attributes. */
static void
check_empty (Load    *load,
             xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *quote = NULL;

      if (child->type == XML_ELEMENT_NODE && check_namespace (load, child))
        report_error (load, child, NULL, UNKNOT_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                      _("<%s> holds nothing; remove <%s> from it"),
                      name_of (node), name_of (child));
      else if (is_text (child) && (quote = quote_text (child)) != NULL)
        report_error (load, child, NULL, UNKNOT_ROUTINE_ERROR_MISPLACED,
                      _("<%s> holds nothing; remove the text \"%s\" from it"),
                      name_of (node), quote);
    }
}

static gboolean
read_duration (Load       *load,
               xmlNode    *node,
               const char *attribute,
               gboolean    required,
               gint64      minimum,
               gint64      maximum,
               gint64     *out)
{
  g_autofree char *value = get_attribute (node, attribute);
  g_autoptr (GError) error = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  *out = -1;
  if (value == NULL)
    {
      if (required)
        report_error (load, node, NULL, UNKNOT_ROUTINE_ERROR_MISSING_ATTRIBUTE,
                      _("<%s> needs a %s attribute, such as %s=\"45s\""),
                      name_of (node), attribute, attribute);
      return !required;
    }

  if (!unknot_duration_parse (value, out, &error))
    {
      report_gerror (load, node, attribute, error);
      return FALSE;
    }

  if (*out >= minimum && *out <= maximum)
    return TRUE;

  low = unknot_duration_to_attribute (minimum);
  high = unknot_duration_to_attribute (maximum);
  /* Translators: e.g. duration="0s" of <step> is out of range: it must lie between 1s and 60m */
  report_error (load, node, attribute, UNKNOT_ROUTINE_ERROR_DURATION_RANGE,
                _("%s=\"%s\" of <%s> is out of range: it must lie between %s and %s"),
                attribute, value, name_of (node), low, high);
  return FALSE;
}

static gboolean
read_term (Load             *load,
           xmlNode          *node,
           UnknotVocabulary  vocabulary,
           gboolean          required,
           guint             default_term,
           guint            *out)
{
  const char *attribute = unknot_vocabulary_get_attribute (vocabulary);
  g_autofree char *value = get_attribute (node, attribute);
  const char *suggestion;
  g_autoptr (GString) known = NULL;

  *out = default_term;
  if (value == NULL)
    {
      if (required)
        report_error (load, node, NULL, UNKNOT_ROUTINE_ERROR_MISSING_ATTRIBUTE,
                      _("<%s> needs a %s attribute, such as %s=\"%s\""), name_of (node),
                      attribute, attribute, unknot_vocabulary_get_id (vocabulary, 0));
      return !required;
    }

  if (unknot_vocabulary_lookup (vocabulary, value, out))
    return TRUE;

  suggestion = unknot_vocabulary_suggest (vocabulary, value);
  if (suggestion != NULL)
    {
      /* Translators: e.g. unknown region 'calfs' (did you mean 'calves'?) */
      report_error (load, node, attribute, UNKNOT_ROUTINE_ERROR_UNKNOWN_VALUE,
                    _("unknown %s '%s' (did you mean '%s'?)"), attribute, value, suggestion);
      return FALSE;
    }

  known = g_string_new (NULL);
  for (guint i = 0; i < unknot_vocabulary_get_n_terms (vocabulary); i++)
    g_string_append_printf (known, "%s%s", i ? ", " : "", unknot_vocabulary_get_id (vocabulary, i));
  report_error (load, node, attribute, UNKNOT_ROUTINE_ERROR_UNKNOWN_VALUE,
                _("unknown %s '%s'; use one of: %s"), attribute, value, known->str);
  return FALSE;
}

/* ---- translatable texts ------------------------------------------------------------- */

static void
add_variant (Load             *load,
             UnknotTextChoice *choice,
             xmlNode          *node)
{
  g_autofree char *language = get_language (node);
  g_autofree char *text = get_text (node);
  g_autoptr (GError) error = NULL;

  check_text_only (load, node);
  if (language != NULL && !unknot_language_is_tag (language))
    {
      /* Translators: do not translate xml:lang nor the codes */
      report_error (load, node, "xml:lang", UNKNOT_ROUTINE_ERROR_UNKNOWN_VALUE,
                    _("xml:lang=\"%s\" is not a language code; write one such as de, fr_CA "
                      "or pt-BR"), language);
      return;
    }
  if (*text == '\0')
    {
      report_error (load, node, NULL, UNKNOT_ROUTINE_ERROR_EMPTY_TEXT,
                    _("<%s> is empty; write the text or remove the element"), name_of (node));
      return;
    }

  if (!unknot_text_choice_add (choice, language, text, &error))
    report_error (load, node, NULL, error->code, _("a second <%s>: %s"), name_of (node),
                  error->message);
}

/* The chosen text, or %NULL (reported) if the element is missing or lacks the
 * untranslated version that every translation falls back to. */
static const char *
finish_variants (Load             *load,
                 UnknotTextChoice *choice,
                 xmlNode          *parent,
                 xmlNode          *first,
                 const char       *element,
                 gboolean          required)
{
  if (unknot_text_choice_get_fallback (choice) != NULL)
    return unknot_text_choice_get_best (choice);

  if (unknot_text_choice_get_n_variants (choice) > 0 && first != NULL)
    report_error (load, first, NULL, UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT,
                  _("<%s> needs a version without xml:lang, used when no translation fits "
                    "the user's language"), element);
  else if (required && first == NULL)
    report_error (load, parent, NULL, UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT,
                  _("<%s> is missing its <%s> element"), name_of (parent), element);
  return NULL;
}

/* Reads an element that may appear once into *@text; a second one is reported and
 * leaves the first in place. */
static void
read_plain_text (Load     *load,
                 xmlNode  *node,
                 xmlNode **seen,
                 char    **text)
{
  if (*seen != NULL)
    {
      report_error (load, node, NULL, UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT,
                    _("<%s> may appear only once"), name_of (node));
      return;
    }
  *seen = node;
  check_attributes (load, node, no_attributes);
  check_text_only (load, node);
  *text = get_text (node);
}

/* ---- media -------------------------------------------------------------------------- */

/* A second <image> or <audio> is reported and read as nothing: the first one stays. */
static void
keep_media (GFile **slot,
            GFile  *media)
{
  if (media != NULL)
    *slot = media;
}

static GFile *
read_media (Load     *load,
            xmlNode  *node,
            xmlNode **seen)
{
  g_autofree char *src = NULL;
  g_autoptr (GFile) media = NULL;
  g_autoptr (GError) error = NULL;
  GFile *folder = load->folder;

  if (*seen != NULL)
    {
      report_error (load, node, NULL, UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT,
                    _("<%s> may appear only once in a step"), name_of (node));
      return NULL;
    }
  *seen = node;
  check_attributes (load, node, media_attributes);
  check_empty (load, node);

  src = get_attribute (node, "src");
  if (src == NULL)
    {
      report_error (load, node, NULL, UNKNOT_ROUTINE_ERROR_MISSING_ATTRIBUTE,
                    _("<%s> needs a src attribute with a path relative to the routine file"),
                    name_of (node));
      return NULL;
    }

  /* Loaded from memory, without a folder: only the written path can be checked. */
  if (folder == NULL)
    {
      if (!unknot_media_path_validate (src, &error))
        report_gerror (load, node, "src", error);
      return NULL;
    }

  media = unknot_media_path_resolve (folder, src, &error);
  if (media == NULL)
    {
      report_gerror (load, node, "src", error);
      return NULL;
    }

  if (!unknot_media_path_check (folder, media, &error))
    {
      gboolean is_warning = error->code == UNKNOT_ROUTINE_ERROR_MISSING_MEDIA
                            && !load->parser->missing_media_is_error;

      report (load, node, "src", is_warning ? UNKNOT_SEVERITY_WARNING : UNKNOT_SEVERITY_ERROR,
              error->code, "%s", error->message);
      return NULL;
    }

  return g_steal_pointer (&media);
}

/* ---- cues --------------------------------------------------------------------------- */

typedef struct
{
  gint64 at;
  xmlNode *node;               /* the untranslated cue */
  UnknotTextChoice *choice;
} CueGroup;

static void
cue_group_clear (gpointer data)
{
  CueGroup *group = data;
  unknot_text_choice_free (group->choice);
}

static CueGroup *
find_cue_group (GArray *groups,
                gint64  at)
{
  for (guint i = 0; i < groups->len; i++)
    if (g_array_index (groups, CueGroup, i).at == at)
      return &g_array_index (groups, CueGroup, i);
  return NULL;
}

/* A translation without "at" belongs to the untranslated cue right before it: that is
 * how msgfmt writes translations into a file, copying the element but not its
 * attributes. */
static CueGroup *
find_translated_cue_group (Load    *load,
                           xmlNode *node,
                           GArray  *groups)
{
  if (groups->len > 0)
    return &g_array_index (groups, CueGroup, groups->len - 1);

  report_error (load, node, NULL, UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT,
                _("this translated <cue> has no untranslated <cue> before it to belong to"));
  return NULL;
}

static gboolean
check_cue_time (Load       *load,
                xmlNode    *node,
                gint64      at,
                gint64      step_duration,
                UnknotSide  side)
{
  g_autofree char *step_time = NULL;

  if (step_duration <= 0 || (at > 0 && at < step_duration))
    return TRUE;

  step_time = unknot_duration_to_attribute (step_duration);
  if (side == UNKNOT_SIDE_EACH)
    report_error (load, node, "at", UNKNOT_ROUTINE_ERROR_CUE_OUTSIDE_STEP,
                  _("the cue lies outside its step: \"at\" counts from the start of "
                    "each side and must be after 0s and before %s"), step_time);
  else
    report_error (load, node, "at", UNKNOT_ROUTINE_ERROR_CUE_OUTSIDE_STEP,
                  _("the cue lies outside its step: \"at\" must be after 0s and "
                    "before the step's %s"), step_time);
  return FALSE;
}

/* An untranslated <cue> starts a group; a translation joins the group with the same
 * "at", or without "at" the group of the cue before it. */
static void
read_cue (Load       *load,
          xmlNode    *node,
          gint64      step_duration,
          UnknotSide  side,
          GArray     *groups)
{
  g_autofree char *language = get_language (node);
  CueGroup *group;
  gint64 at;

  check_attributes (load, node, cue_attributes);
  if (!read_duration (load, node, "at", language == NULL, 0, G_MAXINT64, &at))
    return;

  if (at < 0)
    {
      group = find_translated_cue_group (load, node, groups);
      if (group != NULL)
        add_variant (load, group->choice, node);
      return;
    }

  if (!check_cue_time (load, node, at, step_duration, side))
    return;

  group = find_cue_group (groups, at);
  if (group == NULL && language != NULL)
    {
      report_error (load, node, NULL, UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT,
                    _("this translated <cue> has no untranslated <cue> with the same \"at\" "
                      "to belong to"));
      return;
    }
  if (group == NULL)
    {
      CueGroup fresh = { at, node,
                         unknot_text_choice_new ((const char *const *) load->parser->languages) };
      g_array_append_val (groups, fresh);
      group = &g_array_index (groups, CueGroup, groups->len - 1);
    }

  add_variant (load, group->choice, node);
}

static int
compare_cues (gconstpointer a,
              gconstpointer b)
{
  gint64 at_a = unknot_cue_get_at (*(UnknotCue **) a);
  gint64 at_b = unknot_cue_get_at (*(UnknotCue **) b);

  return (at_a > at_b) - (at_a < at_b);
}

static GPtrArray *
finish_cues (Load   *load,
             GArray *groups)
{
  GPtrArray *cues = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_cue_unref);

  for (guint i = 0; i < groups->len; i++)
    {
      CueGroup *group = &g_array_index (groups, CueGroup, i);
      const char *text = unknot_text_choice_get_best (group->choice);

      if (text != NULL)
        g_ptr_array_add (cues, unknot_cue_new (group->at, text));
    }

  g_ptr_array_sort (cues, compare_cues);
  return cues;
}

/* ---- steps and rests ---------------------------------------------------------------- */

typedef struct
{
  guint region, technique, tool, pressure, side;
  gint64 duration;
  gint64 switch_gap;
} StepAttributes;

static gboolean
read_step_attributes (Load           *load,
                      xmlNode        *node,
                      StepAttributes *out)
{
  gboolean ok = TRUE;

  check_attributes (load, node, step_attributes);
  ok &= read_term (load, node, UNKNOT_VOCABULARY_REGION, TRUE, 0, &out->region);
  ok &= read_term (load, node, UNKNOT_VOCABULARY_TECHNIQUE, TRUE, 0, &out->technique);
  ok &= read_term (load, node, UNKNOT_VOCABULARY_TOOL, FALSE, UNKNOT_TOOL_HANDS, &out->tool);
  ok &= read_term (load, node, UNKNOT_VOCABULARY_PRESSURE, FALSE, UNKNOT_PRESSURE_UNSPECIFIED,
                   &out->pressure);
  ok &= read_term (load, node, UNKNOT_VOCABULARY_SIDE, FALSE, UNKNOT_SIDE_BOTH, &out->side);
  ok &= read_duration (load, node, "duration", TRUE, UNKNOT_STEP_MIN_MS, UNKNOT_STEP_MAX_MS,
                       &out->duration);
  ok &= read_duration (load, node, "switch", FALSE, 0, UNKNOT_SWITCH_GAP_MAX_MS,
                       &out->switch_gap);

  if (out->switch_gap >= 0 && out->side != UNKNOT_SIDE_EACH)
    report (load, node, "switch", UNKNOT_SEVERITY_WARNING, UNKNOT_ROUTINE_ERROR_IGNORED,
            _("\"switch\" only applies to side=\"each\" and is ignored here"));

  return ok;
}

typedef struct
{
  UnknotTextChoice *title;
  UnknotTextChoice *instructions;
  xmlNode *first_title;
  xmlNode *first_instructions;
  xmlNode *image_node;
  xmlNode *audio_node;
  GFile *image;
  GFile *audio;
  GArray *cue_groups;
} StepContent;

static void
step_content_clear (StepContent *content)
{
  unknot_text_choice_free (content->title);
  unknot_text_choice_free (content->instructions);
  g_clear_object (&content->image);
  g_clear_object (&content->audio);
  g_array_unref (content->cue_groups);
}

static void
read_step_child (Load           *load,
                 xmlNode        *child,
                 StepAttributes *attributes,
                 StepContent    *content)
{
  const char *name = name_of (child);

  if (g_str_equal (name, "title") || g_str_equal (name, "instructions"))
    {
      gboolean is_title = g_str_equal (name, "title");
      xmlNode **first = is_title ? &content->first_title : &content->first_instructions;

      check_attributes (load, child, text_attributes);
      if (*first == NULL)
        *first = child;
      add_variant (load, is_title ? content->title : content->instructions, child);
    }
  else if (g_str_equal (name, "cue"))
    read_cue (load, child, attributes->duration, attributes->side, content->cue_groups);
  else if (g_str_equal (name, "image"))
    keep_media (&content->image, read_media (load, child, &content->image_node));
  else if (g_str_equal (name, "audio"))
    keep_media (&content->audio, read_media (load, child, &content->audio_node));
  else
    report_unknown_name (load, child, NULL, UNKNOT_ROUTINE_ERROR_UNKNOWN_ELEMENT, "step",
                         step_children);
}

static UnknotStep *
read_step (Load    *load,
           xmlNode *node)
{
  const char *const *languages = (const char *const *) load->parser->languages;
  guint errors_before = load->n_errors;
  StepAttributes attributes = { 0 };
  StepContent content = { 0 };
  g_autoptr (GPtrArray) cues = NULL;
  const char *title, *instructions;
  UnknotStep *step = NULL;

  read_step_attributes (load, node, &attributes);

  content.title = unknot_text_choice_new (languages);
  content.instructions = unknot_text_choice_new (languages);
  content.cue_groups = g_array_new (FALSE, TRUE, sizeof (CueGroup));
  g_array_set_clear_func (content.cue_groups, cue_group_clear);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && check_namespace (load, child))
      read_step_child (load, child, &attributes, &content);
    else if (is_text (child))
      check_stray_text (load, node, child, "instructions");

  title = finish_variants (load, content.title, node, content.first_title, "title", TRUE);
  instructions = finish_variants (load, content.instructions, node, content.first_instructions,
                                  "instructions", TRUE);
  cues = finish_cues (load, content.cue_groups);

  if (load->n_errors == errors_before)
    step = unknot_step_new (&(UnknotStepFields) {
                              .kind = UNKNOT_STEP_KIND_STEP,
                              .region = attributes.region,
                              .technique = attributes.technique,
                              .tool = attributes.tool,
                              .pressure = attributes.pressure,
                              .side = attributes.side,
                              .duration = attributes.duration,
                              .switch_gap = attributes.switch_gap,
                              .title = title,
                              .instructions = instructions,
                              .cues = cues,
                              .image = content.image,
                              .audio = content.audio,
                              .line = locate_line (load, node),
                            });

  step_content_clear (&content);
  return step;
}

static UnknotStep *
read_rest (Load    *load,
           xmlNode *node)
{
  gint64 duration;

  check_attributes (load, node, duration_attributes);
  check_empty (load, node);

  if (!read_duration (load, node, "duration", TRUE, UNKNOT_STEP_MIN_MS, UNKNOT_STEP_MAX_MS,
                      &duration))
    return NULL;

  return unknot_step_new (&(UnknotStepFields) {
                            .kind = UNKNOT_STEP_KIND_REST,
                            .pressure = UNKNOT_PRESSURE_UNSPECIFIED,
                            .duration = duration,
                            .switch_gap = -1,
                            .line = locate_line (load, node),
                          });
}

/* ---- the routine -------------------------------------------------------------------- */

typedef struct
{
  UnknotTextChoice *name;
  UnknotTextChoice *description;
  UnknotTextChoice *safety;
  xmlNode *first_name;
  xmlNode *first_description;
  xmlNode *first_safety;
  xmlNode *author_node;
  xmlNode *license_node;
  xmlNode *prepare_node;
  char *author;
  char *license;
  gint64 prepare;
  GPtrArray *items;
} RoutineContent;

static void
routine_content_clear (RoutineContent *content)
{
  unknot_text_choice_free (content->name);
  unknot_text_choice_free (content->description);
  unknot_text_choice_free (content->safety);
  g_free (content->author);
  g_free (content->license);
  g_ptr_array_unref (content->items);
}

static gboolean
is_valid_id (const char *id)
{
  if (*id == '\0' || *id == '-' || g_str_has_suffix (id, "-") || strstr (id, "--") != NULL)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

/* Reads format and id; returns FALSE if the format is one this build cannot read, as
 * nothing else in the file can then be judged. */
static gboolean
read_routine_attributes (Load     *load,
                         xmlNode  *root,
                         char    **id)
{
  g_autofree char *format = get_attribute (root, "format");

  check_attributes (load, root, routine_attributes);

  if (format == NULL)
    {
      report_error (load, root, NULL, UNKNOT_ROUTINE_ERROR_FORMAT_MISSING,
                    _("<routine> needs format=\"%d\", the version of the routine format"),
                    UNKNOT_ROUTINE_FORMAT_VERSION);
      return FALSE;
    }
  if (g_strcmp0 (format, G_STRINGIFY (UNKNOT_ROUTINE_FORMAT_VERSION)) != 0)
    {
      report_error (load, root, "format", UNKNOT_ROUTINE_ERROR_FORMAT_UNSUPPORTED,
                    _("format \"%s\" is not supported; this version of Unknot reads format "
                      "%d (a newer Unknot may read this file)"),
                    format, UNKNOT_ROUTINE_FORMAT_VERSION);
      return FALSE;
    }

  *id = get_attribute (root, "id");
  if (*id == NULL)
    report_error (load, root, NULL, UNKNOT_ROUTINE_ERROR_BAD_ID,
                  _("<routine> needs an id, such as id=\"post-run-recovery\""));
  else if (!is_valid_id (*id))
    report_error (load, root, "id", UNKNOT_ROUTINE_ERROR_BAD_ID,
                  _("id \"%s\" may use only lowercase letters, digits and single hyphens "
                    "between them, such as \"post-run-recovery\""), *id);
  return TRUE;
}

static void
read_text_child (Load              *load,
                 xmlNode           *child,
                 UnknotTextChoice  *choice,
                 xmlNode          **first)
{
  check_attributes (load, child, text_attributes);
  if (*first == NULL)
    *first = child;
  add_variant (load, choice, child);
}

static void
read_routine_child (Load           *load,
                    xmlNode        *child,
                    RoutineContent *content)
{
  const char *name = name_of (child);
  UnknotStep *item = NULL;

  if (g_str_equal (name, "name"))
    read_text_child (load, child, content->name, &content->first_name);
  else if (g_str_equal (name, "description"))
    read_text_child (load, child, content->description, &content->first_description);
  else if (g_str_equal (name, "safety"))
    read_text_child (load, child, content->safety, &content->first_safety);
  else if (g_str_equal (name, "author"))
    read_plain_text (load, child, &content->author_node, &content->author);
  else if (g_str_equal (name, "license"))
    read_plain_text (load, child, &content->license_node, &content->license);
  else if (g_str_equal (name, "prepare"))
    {
      if (content->prepare_node != NULL)
        report_error (load, child, NULL, UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT,
                      _("<prepare> may appear only once"));
      content->prepare_node = child;
      check_attributes (load, child, duration_attributes);
      check_empty (load, child);
      read_duration (load, child, "duration", TRUE, 0, UNKNOT_PREPARE_MAX_MS, &content->prepare);
    }
  else if (g_str_equal (name, "step"))
    item = read_step (load, child);
  else if (g_str_equal (name, "rest"))
    item = read_rest (load, child);
  else
    report_unknown_name (load, child, NULL, UNKNOT_ROUTINE_ERROR_UNKNOWN_ELEMENT, "routine",
                         routine_children);

  if (item != NULL)
    g_ptr_array_add (content->items, item);
}

/* The schema wants the routine's own elements first, then its steps and rests. */
static void
check_order (Load     *load,
             xmlNode  *child,
             xmlNode **first_item)
{
  const char *name = name_of (child);

  if (g_str_equal (name, "step") || g_str_equal (name, "rest"))
    {
      if (*first_item == NULL)
        *first_item = child;
      return;
    }

  if (*first_item != NULL && strv_contains (routine_children, name))
    report_error (load, child, NULL, UNKNOT_ROUTINE_ERROR_MISPLACED,
                  _("<%s> belongs before the first <step> or <rest> (line %u); move it up"),
                  name, locate_line (load, *first_item));
}

static void
check_total (Load           *load,
             xmlNode        *root,
             RoutineContent *content)
{
  gint64 total = content->prepare >= 0 ? content->prepare : UNKNOT_DEFAULT_PREPARE_MS;
  g_autofree char *shown = NULL;

  for (guint i = 0; i < content->items->len; i++)
    total += unknot_step_get_total (g_ptr_array_index (content->items, i),
                                    UNKNOT_DEFAULT_SWITCH_GAP_MS);

  if (total <= UNKNOT_ROUTINE_MAX_MS)
    return;

  shown = unknot_duration_format_clock (total);
  report_error (load, root, NULL, UNKNOT_ROUTINE_ERROR_ROUTINE_TOO_LONG,
                _("the routine lasts %s in all, more than the limit of 4 hours; split it "
                  "into shorter routines"), shown);
}

static gboolean
has_step (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    if (unknot_step_get_kind (g_ptr_array_index (items, i)) == UNKNOT_STEP_KIND_STEP)
      return TRUE;
  return FALSE;
}

static UnknotRoutine *
build_routine (Load    *load,
               xmlNode *root,
               GFile   *file,
               GBytes  *bytes)
{
  const char *const *languages = (const char *const *) load->parser->languages;
  RoutineContent content = { 0 };
  xmlNode *first_item = NULL;
  g_autofree char *id = NULL;
  const char *name, *description, *safety;
  gboolean had_step_errors;
  guint errors_before;
  UnknotRoutine *routine = NULL;

  if (!read_routine_attributes (load, root, &id))
    return NULL;

  content.name = unknot_text_choice_new (languages);
  content.description = unknot_text_choice_new (languages);
  content.safety = unknot_text_choice_new (languages);
  content.prepare = -1;
  content.items = g_ptr_array_new_with_free_func (g_object_unref);

  errors_before = load->n_errors;
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && check_namespace (load, child))
      {
        check_order (load, child, &first_item);
        read_routine_child (load, child, &content);
      }
    else if (is_text (child))
      check_stray_text (load, root, child, "description");
  had_step_errors = load->n_errors > errors_before;

  name = finish_variants (load, content.name, root, content.first_name, "name", TRUE);
  description = finish_variants (load, content.description, root, content.first_description,
                                 "description", TRUE);
  safety = finish_variants (load, content.safety, root, content.first_safety, "safety", FALSE);

  if (!has_step (content.items) && !had_step_errors)
    report_error (load, root, NULL, UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT,
                  _("the routine has no <step>; add at least one"));
  check_total (load, root, &content);

  if (load->n_errors == 0
      && unknot_schema_validate (load->document, load->filename, load->problems))
    {
      guint id_line, id_column;

      unknot_xml_document_locate (load->document, root, "id", &id_line, &id_column);
      routine = unknot_routine_new (&(UnknotRoutineFields) {
                                      .id = id,
                                      .id_line = id_line,
                                      .id_column = id_column,
                                      .name = name,
                                      .description = description,
                                      .author = content.author,
                                      .license = content.license,
                                      .safety = safety,
                                      .prepare = content.prepare,
                                      .file = file,
                                      .source = bytes,
                                      .items = content.items,
                                      .warnings = load->warnings,
                                    });
    }

  routine_content_clear (&content);
  return routine;
}

static UnknotRoutine *
load_document (Load    *load,
               GBytes  *bytes,
               GFile   *file)
{
  g_autoptr (GError) error = NULL;
  xmlNode *root;

  /* The cap holds for bytes from anywhere, not only for files read here. */
  if (!unknot_file_reader_check_size (g_bytes_get_size (bytes), UNKNOT_ROUTINE_MAX_BYTES, &error))
    {
      add_problem (load, unknot_problem_new (load->filename, 0, 0, UNKNOT_SEVERITY_ERROR,
                                             error->code, error->message));
      return NULL;
    }

  load->document = unknot_xml_document_parse (bytes, load->filename, load->problems);
  if (load->document == NULL)
    {
      load->n_errors++;
      return NULL;
    }

  root = unknot_xml_document_get_root (load->document);
  if (!check_namespace (load, root))
    return NULL;
  if (!g_str_equal (name_of (root), "routine"))
    {
      report_error (load, root, NULL, UNKNOT_ROUTINE_ERROR_WRONG_ROOT,
                    _("the file starts with <%s>, but a routine file starts with "
                      "<routine format=\"1\" id=\"…\">"), name_of (root));
      return NULL;
    }

  return build_routine (load, root, file, bytes);
}

static void
finish_problems (Load    *load,
                 GError **error)
{
  if (load->n_dropped > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u more problem not shown; fix the ones above first",
                                      "%u more problems not shown; fix the ones above first",
                                      load->n_dropped), load->n_dropped);
      g_ptr_array_add (load->problems,
                       unknot_problem_new (load->filename, 0, 0, UNKNOT_SEVERITY_ERROR,
                                           UNKNOT_ROUTINE_ERROR_SCHEMA, message));
    }

  for (guint i = 0; i < load->problems->len; i++)
    {
      UnknotProblem *problem = g_ptr_array_index (load->problems, i);
      if (unknot_problem_get_severity (problem) == UNKNOT_SEVERITY_ERROR)
        {
          g_propagate_error (error, unknot_problem_to_error (problem));
          return;
        }
    }
}

/**
 * unknot_routine_parser_load_bytes:
 * @bytes: the file's content
 * @file: (nullable): where it came from; media paths resolve against its folder and are
 *   checked on disk only when it is given
 * @display_name: (nullable): how to name the file in messages; by default its path
 * @problems: (out) (optional) (transfer full) (element-type UnknotProblem): every error
 *   and warning, in file order, at most 20 and a count of the rest
 *
 * Returns: (transfer full) (nullable): the routine, or %NULL with @error set to the
 *   first problem.
 */
UnknotRoutine *
unknot_routine_parser_load_bytes (UnknotRoutineParser  *self,
                                  GBytes               *bytes,
                                  GFile                *file,
                                  const char           *display_name,
                                  GPtrArray           **problems,
                                  GError              **error)
{
  g_autoptr (GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  Load load = { 0 };
  UnknotRoutine *routine;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PARSER (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  load.parser = self;
  load.filename = display_name ? display_name : path ? path : "routine.xml";
  load.folder = folder;
  load.problems = g_ptr_array_new_with_free_func (g_object_unref);
  load.warnings = g_ptr_array_new_with_free_func (g_object_unref);

  routine = load_document (&load, bytes, file);
  finish_problems (&load, error);

  g_clear_object (&load.document);
  g_ptr_array_unref (load.warnings);
  if (problems != NULL)
    *problems = load.problems;
  else
    g_ptr_array_unref (load.problems);
  return routine;
}

/**
 * unknot_routine_parser_load_file:
 *
 * Like unknot_routine_parser_load_bytes(), reading @file first: only regular files,
 * at most %UNKNOT_ROUTINE_MAX_BYTES.
 */
UnknotRoutine *
unknot_routine_parser_load_file (UnknotRoutineParser  *self,
                                 GFile                *file,
                                 const char           *display_name,
                                 GPtrArray           **problems,
                                 GError              **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) read_error = NULL;
  g_autoptr (UnknotProblem) problem = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PARSER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = unknot_file_reader_read (file, UNKNOT_ROUTINE_MAX_BYTES, &read_error);
  if (bytes != NULL)
    return unknot_routine_parser_load_bytes (self, bytes, file, display_name, problems, error);

  path = g_file_get_parse_name (file);
  problem = unknot_problem_new (display_name ? display_name : path, 0, 0, UNKNOT_SEVERITY_ERROR,
                                read_error->code, read_error->message);
  g_propagate_error (error, unknot_problem_to_error (problem));
  if (problems != NULL)
    {
      *problems = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (*problems, g_steal_pointer (&problem));
    }
  return NULL;
}
