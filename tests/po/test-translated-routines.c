/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "unknot-library.h"
#include "unknot-test-utils.h"

/* The shipped routines as the build merges them with po/: every translatable element
 * has a variant for every language of po/LINGUAS, the loader picks the user's, and
 * the command line speaks the user's language too. */

static const char *const translatable[] = {
  "name", "description", "safety", "title", "instructions", "cue", NULL
};

/* The languages po/meson.build declares complete: every routine must carry them. */
static GStrv
complete_languages (void)
{
  const char *list = g_getenv ("UNKNOT_COMPLETE_LANGUAGES");

  g_assert_nonnull (list);
  return g_strsplit (list, ",", -1);
}

static char *
merged_folder (void)
{
  return g_build_filename (g_getenv ("UNKNOT_DATA_DIR"), "routines", NULL);
}

static gboolean
has_variant_after (xmlNode    *original,
                   const char *language)
{
  for (xmlNode *next = original->next; next != NULL; next = next->next)
    {
      g_autofree char *lang = NULL;

      if (next->type != XML_ELEMENT_NODE)
        continue;
      if (!xmlStrEqual (next->name, original->name))
        return FALSE;
      lang = (char *) xmlGetNsProp (next, BAD_CAST "lang", XML_XML_NAMESPACE);
      if (g_strcmp0 (lang, language) == 0)
        return TRUE;
      if (lang == NULL)
        return FALSE;
    }
  return FALSE;
}

/* Notes in @missing each translatable element under @node that lacks a variant for one
 * of @languages; returns how many translatable elements there are. */
static guint
check_element (xmlNode           *node,
               const char *const *languages,
               const char        *file,
               GPtrArray         *missing)
{
  guint checked = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *lang = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      checked += check_element (child, languages, file, missing);
      lang = (char *) xmlGetNsProp (child, BAD_CAST "lang", XML_XML_NAMESPACE);
      if (lang != NULL || !g_strv_contains (translatable, (const char *) child->name))
        continue;

      for (guint i = 0; languages[i] != NULL; i++)
        if (!has_variant_after (child, languages[i]))
          g_ptr_array_add (missing, g_strdup_printf ("%s:%ld: <%s> has no xml:lang=\"%s\" variant",
                                                     file, xmlGetLineNo (child), child->name,
                                                     languages[i]));
      checked++;
    }
  return checked;
}

/* Every translatable element of every shipped routine carries every complete language. A
 * failure names the first few elements that lack one, and how many do. */
static void
test_every_element_is_translated (void)
{
  g_auto (GStrv) languages = complete_languages ();
  g_autofree char *folder = merged_folder ();
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint n_files = 0, n_elements = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      xmlDoc *doc;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
      g_assert_nonnull (doc);
      n_elements += check_element (xmlDocGetRootElement (doc), (const char *const *) languages,
                                   path, missing);
      xmlFreeDoc (doc);
      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 12);
  g_assert_cmpuint (n_elements, >, 100 * n_files / 12);
  /* On stderr, which meson shows; it reads the TAP on stdout itself. */
  if (missing->len > 0)
    g_printerr ("%u translatable elements of the shipped routines lack a translation into a "
                "language declared complete; translate their messages in po/. The first:\n",
                missing->len);
  for (guint i = 0; i < MIN (missing->len, 5); i++)
    g_printerr ("  %s\n", (const char *) g_ptr_array_index (missing, i));
  if (missing->len > 0)
    g_test_fail ();
}

typedef struct
{
  const char *language;  /* as in $LANGUAGE */
  const char *variant;   /* the xml:lang the user should get, or NULL for English */
} Choice;

static const Choice choices[] = {
  { "de", "de" }, { "de_AT", "de" }, { "es_ES", "es" }, { "es_MX", "es" },
  { "fr_CA", "fr" }, { "fr", "fr" }, { "ja", NULL }, { "C", NULL },
};

static char *
variant_text (const char *path,
              const char *element,
              const char *language)
{
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  char *text = NULL;

  g_assert_nonnull (doc);
  for (xmlNode *child = xmlDocGetRootElement (doc)->children; child != NULL && text == NULL;
       child = child->next)
    {
      g_autofree char *lang = NULL;
      xmlChar *content;

      if (child->type != XML_ELEMENT_NODE || !xmlStrEqual (child->name, BAD_CAST element))
        continue;
      lang = (char *) xmlGetNsProp (child, BAD_CAST "lang", XML_XML_NAMESPACE);
      if (g_strcmp0 (lang, language) != 0)
        continue;
      content = xmlNodeGetContent (child);
      text = g_strdup ((char *) content);
      xmlFree (content);
    }
  xmlFreeDoc (doc);
  return g_strstrip (text);
}

/* The loader picks the merged translation for the user's languages. */
static void
test_loader_picks_language (gconstpointer data)
{
  const Choice *choice = data;
  g_autofree char *folder = merged_folder ();
  g_autofree char *path = g_build_filename (folder, "post-run-recovery.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = variant_text (path, "name", choice->variant);
  const char *names[] = { choice->language, "C", NULL };

  unknot_routine_parser_set_languages (parser, names);
  routine = unknot_routine_parser_load_file (parser, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (expected);
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, expected);
  if (choice->variant == NULL)
    g_assert_cmpstr (unknot_routine_get_name (routine), ==, "Post-run recovery");
  else
    g_assert_cmpstr (unknot_routine_get_name (routine), !=, "Post-run recovery");
}

/* The catalogue's own German for a message, looked up as the program does under the
 * tests' German locale (see tests/locale/). */
static const char *
german_for (const char *message)
{
  const char *german;

  g_unsetenv ("LANGUAGE");
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UNKNOT_LOCALE_DIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  german = g_dgettext (GETTEXT_PACKAGE, message);
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpstr (german, !=, message);
  return german;
}

/* Runs `unknot --validate` in German on a file with @contents; returns its errors. */
static char *
validate_in_german (const char *contents)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-german");
  /* As a German desktop runs it: a German locale, no $LANGUAGE. */
  const char *environment[] = { "LC_ALL=de_DE.UTF-8", "LANGUAGE", NULL };
  const char *arguments[] = { "--validate", "broken.xml", NULL };
  g_auto (UnknotTestRun) run = { 0 };

  unknot_test_write_file (folder, "broken.xml", contents);
  unknot_test_run_unknot (folder, environment, arguments, &run);
  unknot_test_remove_folder (folder);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "broken.xml:"));
  return g_strdup (run.err);
}

/* `unknot --validate` on a broken file says what is wrong in the user's language. */
static void
test_validate_speaks_german (void)
{
  g_autofree char *errors = validate_in_german ("");

  g_assert_true (g_str_has_prefix (errors, "broken.xml: error: "));
  g_assert_nonnull (strstr (errors, german_for ("the file is empty; a routine file starts with "
                                                "<routine format=\"1\" id=\"…\">")));
}

/* So do mistakes in the XML itself, which libxml2 would describe in English only. */
static void
test_xml_mistakes_in_german (void)
{
  g_autofree char *errors =
    validate_in_german ("<routine format=\"1\" id=\"salt\"><name>Salt & pepper</name>");

  g_assert_nonnull (strstr (errors, german_for ("an '&' that starts no character reference: "
                                                "write it as '&amp;'")));
  g_assert_null (strstr (errors, "xmlParseEntityRef"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/translated-routines/every-element", test_every_element_is_translated);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autofree char *path = g_strdup_printf ("/translated-routines/picks/%s",
                                               choices[i].language);
      g_test_add_data_func (path, &choices[i], test_loader_picks_language);
    }
  g_test_add_func ("/translated-routines/validate-speaks-german", test_validate_speaks_german);
  g_test_add_func ("/translated-routines/xml-mistakes-in-german", test_xml_mistakes_in_german);

  return g_test_run ();
}
