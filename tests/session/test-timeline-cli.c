/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-test-utils.h"

#include "session-fixtures.h"
#include "unknot-duration.h"

/* `unknot --timeline`, run as the built binary, against the golden files in
 * tests/session/timeline/. After a deliberate change to the engine or the format,
 * regenerate a golden file by running the command on its routine and review the diff. */

/* Runs `unknot --timeline ROUTINE` in tests/session, so messages name the file as
 * "routines/NAME". */
static void
run_timeline (const char *routine,
              UnknotTestRun *run)
{
  g_autofree char *cwd = g_test_build_filename (G_TEST_DIST, "session", NULL);
  g_autofree char *path = g_build_filename ("routines", routine, NULL);
  const char *arguments[] = { "--timeline", path, NULL };

  unknot_test_run_unknot (cwd, NULL, arguments, run);
}

static char *
read_golden (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "session", "timeline", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
assert_matches_golden (gconstpointer data)
{
  const char *name = data;
  g_autofree char *routine = g_strconcat (name, ".xml", NULL);
  g_autofree char *golden_name = g_strconcat (name, ".expected", NULL);
  g_autofree char *golden = read_golden (golden_name);
  g_auto (UnknotTestRun) run = { 0 };

  run_timeline (routine, &run);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, golden);
}

/* The session's total agrees with the routine model's own sum, for the same defaults
 * as the settings schema's. */
static void
test_total_agrees_with_routine (gconstpointer data)
{
  const char *name = data;
  g_autofree char *file = g_strconcat (name, ".xml", NULL);
  g_autoptr (UnknotRoutine) routine = session_fixture_load (file);
  g_autofree char *total =
    unknot_duration_format_clock (unknot_routine_get_total (routine, UNKNOT_DEFAULT_PREPARE_MS,
                                                            UNKNOT_DEFAULT_SWITCH_GAP_MS));
  g_autofree char *line = g_strdup_printf ("\ntotal: %s\n", total);
  g_auto (UnknotTestRun) run = { 0 };

  run_timeline (file, &run);
  g_assert_true (g_str_has_suffix (run.out, line));
}

static void
test_broken_file (void)
{
  g_auto (UnknotTestRun) run = { 0 };

  run_timeline ("broken.xml", &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "routines/broken.xml:6:9: error: unknown region 'calfs' "
                   "(did you mean 'calves'?)\n");
}

static void
test_missing_file (void)
{
  g_auto (UnknotTestRun) run = { 0 };

  run_timeline ("missing.xml", &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "routines/missing.xml: error: "));
}

/* Several files: each timeline whole, under its name, none left out; a broken one
 * makes the status 1 but does not hide the others. */
static void
test_several_files (void)
{
  g_autofree char *cwd = g_test_build_filename (G_TEST_DIST, "session", NULL);
  g_autofree char *mixed = read_golden ("mixed.expected");
  g_autofree char *long_golden = read_golden ("long.expected");
  g_autofree char *expected = g_strdup_printf ("==> routines/mixed.xml <==\n%s\n"
                                               "==> routines/long.xml <==\n%s",
                                               mixed, long_golden);
  const char *both[] = { "--timeline", "routines/mixed.xml", "routines/long.xml", NULL };
  const char *with_broken[] = { "--timeline", "routines/broken.xml", "routines/mixed.xml",
                                NULL };
  g_auto (UnknotTestRun) run = { 0 };
  g_auto (UnknotTestRun) broken_run = { 0 };

  unknot_test_run_unknot (cwd, NULL, both, &run);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);

  unknot_test_run_unknot (cwd, NULL, with_broken, &broken_run);
  g_assert_cmpint (broken_run.status, ==, 1);
  g_assert_true (g_str_has_prefix (broken_run.err, "routines/broken.xml:6:9: error: "));
  g_assert_true (g_str_has_suffix (broken_run.out, mixed));
  g_assert_true (g_str_has_prefix (broken_run.out, "==> routines/broken.xml <==\n\n"
                                                   "==> routines/mixed.xml <==\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/timeline-cli/golden/mixed", "mixed", assert_matches_golden);
  g_test_add_data_func ("/timeline-cli/golden/long", "long", assert_matches_golden);
  g_test_add_data_func ("/timeline-cli/total/mixed", "mixed", test_total_agrees_with_routine);
  g_test_add_data_func ("/timeline-cli/total/long", "long", test_total_agrees_with_routine);
  g_test_add_func ("/timeline-cli/broken-file", test_broken_file);
  g_test_add_func ("/timeline-cli/missing-file", test_missing_file);
  g_test_add_func ("/timeline-cli/several-files", test_several_files);

  return g_test_run ();
}
