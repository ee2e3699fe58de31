/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "routine-fixtures.h"
#include "unknot-test-utils.h"

/* `unknot --validate FILE…`, run as the built program: what it prints where, and its
 * exit status. The binary is $UNKNOT_BINARY, set by meson. */

/* Runs unknot --validate with @args in the fixtures folder @kind, so that files are
 * named as an author would type them. */
static void
run_unknot (const char        *kind,
            const char *const *args,
            UnknotTestRun     *run)
{
  g_autofree char *folder = NULL;
  g_autoptr (GPtrArray) arguments = g_ptr_array_new ();

  folder = g_str_has_prefix (kind, "/") ? g_strdup (kind)
                                        : unknot_test_source_path ("tests", "routine",
                                                                   "fixtures", kind, NULL);
  g_ptr_array_add (arguments, (gpointer) "--validate");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (arguments, (gpointer) args[i]);
  g_ptr_array_add (arguments, NULL);

  unknot_test_run_unknot (folder, NULL, (const char *const *) arguments->pdata, run);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Every line on stderr is a problem in the form editors jump to. */
static void
assert_problem_lines (const char *err)
{
  g_auto (GStrv) lines = g_strsplit (err, "\n", -1);

  g_assert_true (g_str_has_suffix (err, "\n"));
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    if (!g_regex_match_simple ("^[^:]+\\.xml:[1-9][0-9]*:[1-9][0-9]*: (error|warning): .{10,}$",
                               lines[i], 0, 0))
      g_error ("not a FILE:LINE:COL: error: MESSAGE line: %s", lines[i]);
}

static void
test_valid_file (void)
{
  const char *const args[] = { "full.xml", NULL };
  g_auto (UnknotTestRun) run = { 0 };

  run_unknot ("valid", args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "full.xml: valid (2 steps, 3:33)\n");
  g_assert_cmpstr (run.err, ==, "");
}

/* Every valid fixture, in one run: one line each, in order, nothing on stderr. */
static void
test_all_valid (void)
{
  g_autoptr (GPtrArray) names = routine_fixture_list ("valid");
  g_auto (GStrv) lines = NULL;
  g_auto (UnknotTestRun) run = { 0 };

  g_ptr_array_add (names, NULL);
  run_unknot ("valid", (const char *const *) names->pdata, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, names->len);
  for (guint i = 0; i + 1 < names->len; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s: valid (", (char *) names->pdata[i]);

      g_assert_true (g_str_has_prefix (lines[i], prefix));
      g_assert_true (g_regex_match_simple ("^[^ ]+: valid \\([0-9]+ steps, "
                                           "([0-9]+:)?[0-9]+:[0-5][0-9]\\)$",
                                           lines[i], 0, 0));
    }
  g_assert_true (g_strv_contains ((const char *const *) lines,
                                  "limits.xml: valid (5 steps, 4:00:00)"));
  g_assert_true (g_strv_contains ((const char *const *) lines,
                                  "vocabulary.xml: valid (20 steps, 6:40)"));
}

static void
test_invalid_file (void)
{
  const char *const args[] = { "region-unknown.xml", NULL };
  g_auto (UnknotTestRun) run = { 0 };

  run_unknot ("invalid", args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "region-unknown.xml:7:9: error: unknown region 'calfs' (did you mean "
                   "'calves'?)\n");
}

/* A misspelt kind of run in <suits>: the line and column of its run attribute, and the
 * kind meant; the valid kind before it is no problem. */
static void
test_suits_misspelt (void)
{
  const char *const args[] = { "suits-misspelt.xml", NULL };
  g_auto (UnknotTestRun) run = { 0 };

  run_unknot ("invalid", args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "suits-misspelt.xml:7:10: error: unknown run kind 'lnog' (did you mean "
                   "'long'?)\n");
}

/* Every invalid fixture that needs no setup, one at a time: refused with exit status 1,
 * its first line in the form of the table's problem. */
static void
test_all_invalid (void)
{
  g_autoptr (GPtrArray) names = routine_fixture_list ("invalid");

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *const args[] = { name, NULL };
      g_auto (UnknotTestRun) run = { 0 };

      if (g_str_equal (name, "media-symlink.xml") || g_str_equal (name, "empty.xml")
          || g_str_equal (name, "blank.xml") || g_str_equal (name, "many-problems.xml"))
        continue;

      run_unknot ("invalid", args, &run);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, name));
      assert_problem_lines (run.err);
    }
}

/* Good and bad files together: each reported on its own stream, and the status is 1. */
static void
test_mixed (void)
{
  g_autofree char *bad = routine_fixture_path ("invalid", "duration-hours.xml");
  const char *const args[] = { "minimal.xml", bad, "cues.xml", NULL };
  g_autofree char *expected_err = g_strdup_printf ("%s:7:48: error: ", bad);
  g_auto (UnknotTestRun) run = { 0 };

  run_unknot ("valid", args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.out), ==, 2);
  g_assert_true (g_str_has_prefix (run.out, "minimal.xml: valid ("));
  g_assert_nonnull (strstr (run.out, "\ncues.xml: valid (2 steps, 2:15)\n"));
  g_assert_true (g_str_has_prefix (run.err, expected_err));
  g_assert_nonnull (strstr (run.err, "1m30s"));
  g_assert_cmpuint (count_lines (run.err), ==, 1);
}

/* Mistakes in the XML itself: one line each, at the spot an editor should jump to
 * (columns as GCC counts them, a tab to the next multiple of 8), saying what to do. */
static void
test_xml_mistakes (void)
{
  static const struct
  {
    const char *file;
    const char *line;
  } cases[] = {
    { "not-utf8.xml", "not-utf8.xml:5:12: error: the file is not saved as UTF-8 (byte 0xE9 here "
                      "is not UTF-8): save it as UTF-8 in your editor\n" },
    { "unclosed-title.xml", "unclosed-title.xml:10:3: error: the file is not well-formed XML: "
                            "the end tag </step> does not close <title>, opened on line 8: is "
                            "</title> missing before it?\n" },
    { "ampersand.xml", "ampersand.xml:5:14: error: the file is not well-formed XML: an '&' that "
                       "starts no character reference: write it as '&amp;'\n" },
    { "end-tag-after-tab.xml", "end-tag-after-tab.xml:5:21: error: the file is not well-formed "
                               "XML: the end tag </nmae> does not close <name>, opened on line "
                               "5: end each element with its own name\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const args[] = { cases[i].file, NULL };
      g_auto (UnknotTestRun) run = { 0 };

      run_unknot ("invalid", args, &run);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.err, ==, cases[i].line);
    }
}

/* Two files with the same id, checked together as a library: the first wins, the
 * second is refused at its id, and both are named by their full paths. */
static void
test_duplicate_id (void)
{
  g_autofree char *first = routine_fixture_path ("duplicate-id", "first.xml");
  g_autofree char *second = routine_fixture_path ("duplicate-id", "second.xml");
  g_autofree char *expected = g_strdup_printf ("second.xml:5:10: error: the id \"shared-id\" is "
                                               "already used by %s; change the id in %s, so "
                                               "that each routine has its own\n", first, second);
  const char *const args[] = { "first.xml", "second.xml", NULL };
  const char *const reversed[] = { "second.xml", "first.xml", NULL };
  g_auto (UnknotTestRun) run = { 0 };
  g_auto (UnknotTestRun) run_reversed = { 0 };

  run_unknot ("duplicate-id", args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "first.xml: valid ("));
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  g_assert_cmpstr (run.err, ==, expected);

  run_unknot ("duplicate-id", reversed, &run_reversed);
  g_assert_cmpint (run_reversed.status, ==, 1);
  g_assert_true (g_str_has_prefix (run_reversed.out, "second.xml: valid"));
  g_assert_true (g_str_has_prefix (run_reversed.err, "first.xml:5:10: error: the id"));
}

/* Runs unknot --validate on @args with @data_home as $XDG_DATA_HOME. */
static void
run_with_user_folder (const char        *data_home,
                      const char *const *args,
                      UnknotTestRun     *run)
{
  g_autofree char *variable = g_strconcat ("XDG_DATA_HOME=", data_home, NULL);
  const char *const environment[] = { variable, NULL };
  g_autoptr (GPtrArray) arguments = g_ptr_array_new ();

  g_ptr_array_add (arguments, (gpointer) "--validate");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (arguments, (gpointer) args[i]);
  g_ptr_array_add (arguments, NULL);
  unknot_test_run_unknot (data_home, environment, (const char *const *) arguments->pdata, run);
}

static char *
clash_line (const char *typed,
            const char *line_and_column,
            const char *id,
            const char *first,
            const char *path)
{
  return g_strdup_printf ("%s:%s: error: the id \"%s\" is already used by %s; change the id "
                          "in %s, so that each routine has its own\n",
                          typed, line_and_column, id, first, path);
}

/* The id is checked against the library the file would join: a user's copy of a
 * shipped routine, in the user's folder or not, is refused in favour of the shipped
 * one, whichever order the files come in, naming both by full path; a file from
 * elsewhere is refused if the user's folder has its id. */
static void
test_id_clash_with_library (void)
{
  g_autofree char *home = unknot_test_make_folder ("unknot-cli");
  g_autofree char *user = g_build_filename (home, "unknot", "routines", NULL);
  g_autofree char *copy = g_build_filename (user, "calves-and-achilles.xml", NULL);
  g_autofree char *outside = g_build_filename (home, "second.xml", NULL);
  g_autofree char *shipped = g_build_filename (g_getenv ("UNKNOT_DATA_DIR"), "routines",
                                               "calves-and-achilles.xml", NULL);
  g_autofree char *in_user = g_build_filename (user, "first.xml", NULL);
  g_autofree char *first_fixture = routine_fixture_path ("duplicate-id", "first.xml");
  g_autofree char *second_fixture = routine_fixture_path ("duplicate-id", "second.xml");
  g_autofree char *contents = NULL;
  g_autofree char *expected = clash_line (copy, "3:21", "calves-and-achilles", shipped, copy);
  g_autofree char *expected_outside = clash_line ("second.xml", "5:10", "shared-id", in_user,
                                                  outside);
  const char *const alone[] = { copy, NULL };
  const char *const copy_first[] = { copy, shipped, NULL };
  const char *const shipped_first[] = { shipped, copy, NULL };
  const char *const from_elsewhere[] = { "second.xml", NULL };
  g_auto (UnknotTestRun) run_alone = { 0 };
  g_auto (UnknotTestRun) run_copy_first = { 0 };
  g_auto (UnknotTestRun) run_shipped_first = { 0 };
  g_auto (UnknotTestRun) run_elsewhere = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (user, 0700), ==, 0);
  g_file_get_contents (shipped, &contents, NULL, &error);
  g_assert_no_error (error);
  unknot_test_write_file (user, "calves-and-achilles.xml", contents);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (first_fixture, &contents, NULL, &error);
  g_assert_no_error (error);
  unknot_test_write_file (user, "first.xml", contents);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (second_fixture, &contents, NULL, &error);
  g_assert_no_error (error);
  unknot_test_write_file (home, "second.xml", contents);

  run_with_user_folder (home, alone, &run_alone);
  g_assert_cmpint (run_alone.status, ==, 1);
  g_assert_cmpstr (run_alone.out, ==, "");
  g_assert_cmpstr (run_alone.err, ==, expected);

  run_with_user_folder (home, copy_first, &run_copy_first);
  g_assert_cmpint (run_copy_first.status, ==, 1);
  g_assert_true (g_str_has_prefix (run_copy_first.out, shipped));
  g_assert_cmpstr (run_copy_first.err, ==, expected);

  run_with_user_folder (home, shipped_first, &run_shipped_first);
  g_assert_cmpint (run_shipped_first.status, ==, 1);
  g_assert_true (g_str_has_prefix (run_shipped_first.out, shipped));
  g_assert_cmpstr (run_shipped_first.err, ==, expected);

  run_with_user_folder (home, from_elsewhere, &run_elsewhere);
  g_assert_cmpint (run_elsewhere.status, ==, 1);
  g_assert_cmpstr (run_elsewhere.out, ==, "");
  g_assert_cmpstr (run_elsewhere.err, ==, expected_outside);

  unknot_test_remove_folder (home);
}

/* Missing media stop the validator, unlike the app. */
static void
test_missing_media (void)
{
  const char *const args[] = { "media-missing.xml", NULL };
  g_auto (UnknotTestRun) run = { 0 };

  run_unknot ("invalid", args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "media-missing.xml:10:12: error: media file "
                                            "'images/not-there.svg' does not exist"));
}

/* A warning is shown, but the file is valid. */
static void
test_warning (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-cli");
  g_autofree char *path = routine_fixture_path ("valid", "minimal.xml");
  g_autofree char *contents = NULL;
  g_autoptr (GString) text = NULL;
  g_autoptr (GError) error = NULL;
  const char *const args[] = { "switch.xml", NULL };
  g_auto (UnknotTestRun) run = { 0 };

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "duration=\"1m\"", "duration=\"1m\" switch=\"5s\"", 1),
                    ==, 1);
  unknot_test_write_file (folder, "switch.xml", text->str);

  run_unknot (folder, args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "switch.xml: valid ("));
  g_assert_true (g_str_has_prefix (run.err, "switch.xml:7:60: warning: \"switch\" only applies"));
  assert_problem_lines (run.err);
  unknot_test_remove_folder (folder);
}

/* A routine that says it lasts eight minutes but lasts far less: a warning at the
 * <description>, with both lengths, and the file is valid still. */
static void
test_claimed_length (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-cli");
  g_autofree char *path = routine_fixture_path ("valid", "minimal.xml");
  g_autofree char *contents = NULL;
  g_autoptr (GString) text = NULL;
  g_autoptr (GError) error = NULL;
  const char *const args[] = { "eight.xml", NULL };
  g_auto (UnknotTestRun) run = { 0 };

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "<description>", "<description>Eight minutes. ", 1),
                    ==, 1);
  unknot_test_write_file (folder, "eight.xml", text->str);

  run_unknot (folder, args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "eight.xml: valid (1 steps, 1:10)"));
  g_assert_cmpstr (run.err, ==, "eight.xml:6:3: warning: <description> says 8 minutes, but the "
                                "routine lasts 1:10; change the text or the steps so that they "
                                "differ by a tenth at most\n");
  unknot_test_remove_folder (folder);
}

/* Problems without a place (an empty file, the count of those not shown) have no line
 * and column, and say so by leaving them out. */
static void
test_problems_without_a_place (void)
{
  const char *const empty[] = { "empty.xml", NULL };
  const char *const many[] = { "many-problems.xml", NULL };
  g_auto (UnknotTestRun) run_empty = { 0 };
  g_auto (UnknotTestRun) run_many = { 0 };
  g_auto (GStrv) lines = NULL;

  run_unknot ("invalid", empty, &run_empty);
  g_assert_cmpint (run_empty.status, ==, 1);
  g_assert_true (g_str_has_prefix (run_empty.err, "empty.xml: error: the file is empty"));

  run_unknot ("invalid", many, &run_many);
  g_assert_cmpint (run_many.status, ==, 1);
  lines = g_strsplit (run_many.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 22);
  g_assert_true (g_str_has_prefix (lines[0], "many-problems.xml:7:9: error: unknown region"));
  g_assert_true (g_str_has_prefix (lines[19], "many-problems.xml:26:9: error: unknown region"));
  g_assert_cmpstr (lines[20], ==,
                   "many-problems.xml: error: 5 more problems not shown; fix the ones above first");
}

/* A FIFO is refused at once, not read (which would wait for a writer forever). */
static void
test_fifo (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-cli");
  g_autofree char *fifo = g_build_filename (folder, "pipe.xml", NULL);
  const char *const args[] = { "pipe.xml", NULL };
  g_auto (UnknotTestRun) run = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  run_unknot (folder, args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "pipe.xml: error: this is not a regular file"));
  unknot_test_remove_folder (folder);
}

static void
test_no_files (void)
{
  const char *const args[] = { NULL };
  g_auto (UnknotTestRun) run = { 0 };

  run_unknot ("valid", args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "unknot --validate"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *empty_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* An empty user folder, unless a test gives its own: the user's routines must not
   * change what the tests see. */
  empty_home = unknot_test_make_folder ("unknot-cli-home");
  g_setenv ("XDG_DATA_HOME", empty_home, TRUE);

  g_test_add_func ("/cli/validate/valid-file", test_valid_file);
  g_test_add_func ("/cli/validate/all-valid", test_all_valid);
  g_test_add_func ("/cli/validate/invalid-file", test_invalid_file);
  g_test_add_func ("/cli/validate/suits-misspelt", test_suits_misspelt);
  g_test_add_func ("/cli/validate/all-invalid", test_all_invalid);
  g_test_add_func ("/cli/validate/mixed", test_mixed);
  g_test_add_func ("/cli/validate/xml-mistakes", test_xml_mistakes);
  g_test_add_func ("/cli/validate/duplicate-id", test_duplicate_id);
  g_test_add_func ("/cli/validate/id-clash-with-library", test_id_clash_with_library);
  g_test_add_func ("/cli/validate/missing-media", test_missing_media);
  g_test_add_func ("/cli/validate/warning", test_warning);
  g_test_add_func ("/cli/validate/claimed-length", test_claimed_length);
  g_test_add_func ("/cli/validate/problems-without-a-place", test_problems_without_a_place);
  g_test_add_func ("/cli/validate/fifo", test_fifo);
  g_test_add_func ("/cli/validate/no-files", test_no_files);

  status = g_test_run ();
  unknot_test_remove_folder (empty_home);
  return status;
}
