/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-claimed-length.h"
#include "unknot-routine-parser.h"
#include "unknot-test-utils.h"

/* The authoring guide (routines/README.md) and the template (routines/template.xml)
 * are what authors copy from, so what they show must work: the guide's complete example
 * and the template are valid, the guide names every element and attribute, and its
 * vocabulary tables say what src/routine/unknot-vocabulary.c says. */

static char *
read_source_file (const char *name)
{
  g_autofree char *path = unknot_test_source_path ("routines", name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The first ```xml block of @markdown, or %NULL. */
static char *
first_xml_block (const char *markdown)
{
  const char *fence = "```xml\n";
  const char *start = strstr (markdown, fence);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (fence);
  end = strstr (start, "\n```");
  if (end == NULL)
    return NULL;
  return g_strndup (start, end - start + 1);
}

/* Loads @text as if it were the file @name in a folder of its own, with missing media
 * an error, as `unknot --validate` does. */
static UnknotRoutine *
load_strictly (const char        *name,
               const char        *text,
               const char *const *languages,
               GPtrArray        **problems)
{
  g_autofree char *folder = unknot_test_make_folder (NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;

  unknot_test_write_file (folder, name, text);
  unknot_routine_parser_set_languages (parser, languages);
  unknot_routine_parser_set_missing_media_is_error (parser, TRUE);
  routine = unknot_routine_parser_load_file (parser, file, name, problems, &error);

  for (guint i = 0; *problems != NULL && i < (*problems)->len; i++)
    {
      g_autofree char *line = unknot_problem_format (g_ptr_array_index (*problems, i));
      g_test_message ("%s", line);
    }
  unknot_test_remove_folder (folder);
  g_assert_no_error (error);
  return routine;
}

static void
assert_honest_length (UnknotRoutine *routine)
{
  gint64 total = unknot_routine_get_total (routine, UNKNOT_DEFAULT_PREPARE_MS,
                                           UNKNOT_DEFAULT_SWITCH_GAP_MS);
  guint minutes = unknot_claimed_minutes (unknot_routine_get_description (routine));

  g_assert_cmpuint (minutes, >, 0);
  g_assert_true (unknot_total_matches_claim (total, minutes));
}

static void
test_example_is_valid (void)
{
  g_autofree char *guide = read_source_file ("README.md");
  g_autofree char *example = first_xml_block (guide);
  const char *const untranslated[] = { "C", NULL };
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;

  g_assert_nonnull (example);
  routine = load_strictly ("example.xml", example, untranslated, &problems);
  g_assert_nonnull (routine);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The guide says to name the file after the id, and shows the validator's line. */
  g_assert_nonnull (strstr (guide, "save it as `quick-calves.xml`"));
  g_assert_cmpstr (unknot_routine_get_id (routine), ==, "quick-calves");
  g_assert_nonnull (strstr (guide, "quick-calves.xml: valid (4 steps, 5:00)"));
  g_assert_cmpuint (unknot_routine_get_n_steps (routine), ==, 4);
  g_assert_cmpint (unknot_routine_get_total (routine, UNKNOT_DEFAULT_PREPARE_MS,
                                             UNKNOT_DEFAULT_SWITCH_GAP_MS), ==, 5 * 60 * 1000);
  assert_honest_length (routine);
}

/* The example shows translations; a German user must get them, cue included. */
static void
test_example_translations (void)
{
  g_autofree char *guide = read_source_file ("README.md");
  g_autofree char *example = first_xml_block (guide);
  const char *const german[] = { "de_AT.UTF-8", "de_AT", "de", "C", NULL };
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  UnknotStep *knead;

  routine = load_strictly ("example.xml", example, german, &problems);
  g_assert_nonnull (routine);
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, "Schnelle Wadenpflege");

  knead = unknot_routine_get_item (routine, 1);
  g_assert_cmpstr (unknot_step_get_title (knead), ==, "Die Wade kneten");
  g_assert_cmpuint (unknot_step_get_n_cues (knead), ==, 1);
  g_assert_cmpstr (unknot_cue_get_text (unknot_step_get_cue (knead, 0)), ==,
                   "Jetzt zur äußeren Hälfte der Wade");
}

static void
test_template_is_valid (void)
{
  g_autofree char *text = read_source_file ("template.xml");
  const char *const untranslated[] = { "C", NULL };
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autofree char *copy = NULL;

  routine = load_strictly ("template.xml", text, untranslated, &problems);
  g_assert_nonnull (routine);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_honest_length (routine);

  /* Not part of the library the app and the tests see. */
  g_assert_nonnull (g_getenv ("UNKNOT_DATA_DIR"));
  copy = g_build_filename (g_getenv ("UNKNOT_DATA_DIR"), "routines", "template.xml", NULL);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
}

static void
test_guide_names_everything (void)
{
  static const char *const elements[] = {
    "routine", "name", "description", "author", "license", "safety", "prepare", "step",
    "rest", "title", "instructions", "cue", "image", "audio", "suits",
  };
  static const char *const attributes[] = {
    "format", "id", "region", "technique", "tool", "pressure", "side", "duration",
    "switch", "at", "src", "xml:lang", "run",
  };
  g_autofree char *guide = read_source_file ("README.md");

  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      g_autofree char *heading = g_strdup_printf ("`<%s", elements[i]);

      g_test_message ("element %s", elements[i]);
      g_assert_nonnull (strstr (guide, heading));
    }
  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      g_autofree char *row = g_strdup_printf ("| `%s` |", attributes[i]);
      g_autofree char *inline_code = g_strdup_printf ("`%s`", attributes[i]);

      g_test_message ("attribute %s", attributes[i]);
      g_assert_true (strstr (guide, row) != NULL || strstr (guide, inline_code) != NULL);
    }
}

/* Each vocabulary term has its row: | `id` | Label | Description | */
static void
test_guide_vocabulary_tables (void)
{
  g_autofree char *guide = read_source_file ("README.md");

  for (UnknotVocabulary v = 0; v < UNKNOT_N_VOCABULARIES; v++)
    for (guint i = 0; i < unknot_vocabulary_get_n_terms (v); i++)
      {
        g_autofree char *row = g_strdup_printf ("| `%s` | %s | %s |\n",
                                                unknot_vocabulary_get_id (v, i),
                                                unknot_vocabulary_get_label (v, i),
                                                unknot_vocabulary_get_description (v, i));

        g_test_message ("%s", row);
        g_assert_nonnull (strstr (guide, row));
      }
}

static void
test_first_xml_block (void)
{
  g_autofree char *block =
    first_xml_block ("Text\n```sh\nls\n```\n```xml\n<a/>\n```\n```xml\n<b/>\n```\n");

  g_assert_cmpstr (block, ==, "<a/>\n");
  g_assert_null (first_xml_block ("no example here"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/authoring-guide/first-xml-block", test_first_xml_block);
  g_test_add_func ("/authoring-guide/example-is-valid", test_example_is_valid);
  g_test_add_func ("/authoring-guide/example-translations", test_example_translations);
  g_test_add_func ("/authoring-guide/template-is-valid", test_template_is_valid);
  g_test_add_func ("/authoring-guide/names-everything", test_guide_names_everything);
  g_test_add_func ("/authoring-guide/vocabulary-tables", test_guide_vocabulary_tables);

  return g_test_run ();
}
