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

/* Two files with the same id, checked together as a library: the first wins, the
 * second is refused at its id. */
static void
test_duplicate_id (void)
{
  const char *const args[] = { "first.xml", "second.xml", NULL };
  const char *const reversed[] = { "second.xml", "first.xml", NULL };
  g_auto (UnknotTestRun) run = { 0 };
  g_auto (UnknotTestRun) run_reversed = { 0 };

  run_unknot ("duplicate-id", args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "first.xml: valid ("));
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  g_assert_cmpstr (run.err, ==,
                   "second.xml:5:10: error: the id \"shared-id\" is already used by first.xml; "
                   "give this routine an id of its own\n");

  run_unknot ("duplicate-id", reversed, &run_reversed);
  g_assert_cmpint (run_reversed.status, ==, 1);
  g_assert_true (g_str_has_prefix (run_reversed.out, "second.xml: valid"));
  g_assert_true (g_str_has_prefix (run_reversed.err, "first.xml:5:10: error: the id"));
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
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate/valid-file", test_valid_file);
  g_test_add_func ("/cli/validate/all-valid", test_all_valid);
  g_test_add_func ("/cli/validate/invalid-file", test_invalid_file);
  g_test_add_func ("/cli/validate/all-invalid", test_all_invalid);
  g_test_add_func ("/cli/validate/mixed", test_mixed);
  g_test_add_func ("/cli/validate/duplicate-id", test_duplicate_id);
  g_test_add_func ("/cli/validate/missing-media", test_missing_media);
  g_test_add_func ("/cli/validate/warning", test_warning);
  g_test_add_func ("/cli/validate/problems-without-a-place", test_problems_without_a_place);
  g_test_add_func ("/cli/validate/fifo", test_fifo);
  g_test_add_func ("/cli/validate/no-files", test_no_files);

  return g_test_run ();
}
