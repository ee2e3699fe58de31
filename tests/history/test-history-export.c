/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "history-test-utils.h"
#include "unknot-history-export.h"
#include "unknot-test-utils.h"

/* The sessions behind export.csv: names with a comma, double quotes, non-ASCII letters
 * and line breaks; every status; two sessions that started in the same second; and an
 * order of writing that is not the order of time; a rating; a session after a long
 * run; sessions with steps on one region, on two, and on none. Returns the one left in progress. */
static gint64
fill (UnknotHistory *history)
{
  g_autoptr (UnknotRoutine) recovery = history_test_routine_new ("post-run-recovery",
                                                                 "Post-run recovery");
  g_autoptr (UnknotRoutine) feet = history_test_routine_new ("feet-warm",
                                                             "Füße, \"warm\" & ready");
  g_autoptr (UnknotRoutine) hips = history_test_routine_new ("hip-stretch",
                                                             "Nachdehnen – Hüfte");
  g_autoptr (GDateTime) t1 = history_test_utc ("2026-11-24T07:05:00Z");
  g_autoptr (GDateTime) t1_end = history_test_utc ("2026-11-24T07:15:12Z");
  g_autoptr (GDateTime) t2 = history_test_utc ("2026-11-23T18:30:00Z");
  g_autoptr (GDateTime) t2_end = history_test_utc ("2026-11-23T18:34:10Z");
  g_autoptr (GDateTime) t4 = history_test_utc ("2026-11-26T16:48:45Z");
  g_autoptr (UnknotHistorySession) restored = unknot_history_session_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  id = unknot_history_begin (history, recovery, 612000, 2, t1, &error);
  unknot_history_record_step (history, id, UNKNOT_REGION_CALVES, UNKNOT_TECHNIQUE_PETRISSAGE,
                              UNKNOT_SIDE_EACH, 300, 300000, &error);
  unknot_history_record_step (history, id, UNKNOT_REGION_QUADRICEPS, UNKNOT_TECHNIQUE_ROLLING,
                              UNKNOT_SIDE_BOTH, 300, 605000, &error);
  unknot_history_finish (history, id, UNKNOT_HISTORY_STATUS_COMPLETED, 611600, t1_end, &error);
  unknot_history_set_feedback (history, id, 4, NULL, &error);
  unknot_history_set_after_run (history, id, UNKNOT_RUN_KIND_LONG, &error);
  id = unknot_history_begin (history, feet, 300000, 2, t2, &error);
  unknot_history_record_step (history, id, UNKNOT_REGION_FEET, UNKNOT_TECHNIQUE_FRICTION,
                              UNKNOT_SIDE_EACH, 120, 250000, &error);
  unknot_history_finish (history, id, UNKNOT_HISTORY_STATUS_STOPPED, 250000, t2_end, &error);
  g_assert_no_error (error);
  history_test_add (history, t1, UNKNOT_HISTORY_STATUS_COMPLETED, 2);

  /* A name no routine file can give (its text is normalised), but the CSV must carry. */
  restored->id = 50;
  restored->routine_id = g_strdup ("calf-release");
  restored->routine_name = g_strdup ("Calf\r\nrelease\nslow");
  restored->started_at = history_test_utc ("2026-11-25T06:00:00Z");
  restored->planned_seconds = 900;
  restored->active_seconds = 120;
  restored->steps_completed = 1;
  restored->steps_total = 3;
  restored->status = UNKNOT_HISTORY_STATUS_INTERRUPTED;
  unknot_history_restore_session (history, restored, &error);
  g_assert_no_error (error);

  id = unknot_history_begin (history, hips, 204400, 2, t4, &error);
  g_assert_no_error (error);
  return id;
}

static GBytes *
read_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "history", "export.csv", NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize size = 0;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, size);
}

static void
assert_bytes_equal (GBytes *actual,
                    GBytes *expected)
{
  gsize actual_size, expected_size;
  const char *actual_data = g_bytes_get_data (actual, &actual_size);
  const char *expected_data = g_bytes_get_data (expected, &expected_size);

  g_assert_cmpmem (actual_data, actual_size, expected_data, expected_size);
}

static GBytes *
export (UnknotHistory *history)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_assert_true (unknot_history_export_csv (history, stream, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_csv_matches_fixture (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-history");
  g_autofree char *path = history_test_db_path (folder);
  g_autoptr (UnknotHistory) history = history_test_open (path);
  g_autoptr (GBytes) expected = read_fixture ();
  g_autoptr (GBytes) actual = NULL;

  fill (history);
  actual = export (history);
  assert_bytes_equal (actual, expected);

  g_clear_object (&history);
  unknot_test_remove_folder (folder);
}

static void
test_csv_empty (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-history");
  g_autofree char *path = history_test_db_path (folder);
  g_autoptr (UnknotHistory) history = history_test_open (path);
  g_autoptr (GBytes) actual = export (history);
  g_autoptr (GBytes) expected = g_bytes_new_static (UNKNOT_HISTORY_CSV_HEADER "\r\n",
                                                    strlen (UNKNOT_HISTORY_CSV_HEADER "\r\n"));

  assert_bytes_equal (actual, expected);
  g_clear_object (&history);
  unknot_test_remove_folder (folder);
}

/* The built `unknot` with its own $XDG_DATA_HOME. */
static int
run_cli (const char  *data_home,
         const char  *argument,
         GBytes     **out,
         char       **err)
{
  g_autofree char *home = g_strdup_printf ("XDG_DATA_HOME=%s", data_home);
  const char *environment[] = { home, NULL };
  const char *arguments[] = { "--export-history", argument, NULL };
  g_auto (UnknotTestRun) run = { 0 };

  unknot_test_run_unknot (NULL, environment, arguments, &run);
  *out = g_bytes_new (run.out, strlen (run.out));
  *err = g_steal_pointer (&run.err);
  return run.status;
}

typedef struct
{
  char *data_home;
  char *db_path;
} DataHome;

static void
data_home_set_up (DataHome      *home,
                  gconstpointer  data)
{
  g_autofree char *folder = NULL;

  home->data_home = unknot_test_make_folder ("unknot-data");
  folder = g_build_filename (home->data_home, "unknot", NULL);
  home->db_path = history_test_db_path (folder);
}

static void
data_home_tear_down (DataHome      *home,
                     gconstpointer  data)
{
  unknot_test_remove_folder (home->data_home);
  g_free (home->data_home);
  g_free (home->db_path);
}

/* While the app holds the history open with a session running, the export shows that
 * session in progress and leaves it so: the command line only reads. */
static void
test_cli_stdout (DataHome      *home,
                 gconstpointer  data)
{
  g_autoptr (UnknotHistory) history = history_test_open (home->db_path);
  g_autoptr (UnknotHistorySession) running = NULL;
  g_autoptr (GBytes) expected = read_fixture ();
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  gint64 id = fill (history);

  g_assert_cmpint (run_cli (home->data_home, "-", &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_bytes_equal (out, expected);

  running = unknot_history_get_session (history, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (running->status, ==, UNKNOT_HISTORY_STATUS_IN_PROGRESS);
  g_assert_true (unknot_history_record_step (history, id, UNKNOT_REGION_HIPS,
                                             UNKNOT_TECHNIQUE_STRETCHING, UNKNOT_SIDE_LEFT, 30,
                                             30000, &error));
  g_assert_no_error (error);
}

static guint
count_files (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* To a file: the whole export replaces what was there, and no temporary file is left. */
static void
test_cli_file (DataHome      *home,
               gconstpointer  data)
{
  g_autoptr (UnknotHistory) history = history_test_open (home->db_path);
  g_autofree char *out_folder = unknot_test_make_folder ("unknot-export");
  g_autofree char *out_path = g_build_filename (out_folder, "history.csv", NULL);
  g_autoptr (GBytes) expected = read_fixture ();
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GBytes) written = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *contents = NULL;
  gsize size = 0;

  fill (history);
  g_clear_object (&history);
  g_assert_true (g_file_set_contents (out_path, "old export\n", -1, NULL));

  g_assert_cmpint (run_cli (home->data_home, out_path, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (g_bytes_get_size (out), ==, 0);
  g_file_get_contents (out_path, &contents, &size, &error);
  g_assert_no_error (error);
  written = g_bytes_new_take (contents, size);
  assert_bytes_equal (written, expected);
  g_assert_cmpuint (count_files (out_folder), ==, 1);

  unknot_test_remove_folder (out_folder);
}

static void
test_cli_no_history (DataHome      *home,
                     gconstpointer  data)
{
  g_autoptr (GBytes) out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (home->data_home, "-", &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out),
                   UNKNOT_HISTORY_CSV_HEADER "\r\n", strlen (UNKNOT_HISTORY_CSV_HEADER "\r\n"));
  /* Nothing is created by reading. */
  g_assert_false (g_file_test (home->db_path, G_FILE_TEST_EXISTS));
}

/* Errors name the file and say what to do; a damaged history is left as it is. */
static void
test_cli_errors (DataHome      *home,
                 gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (home->db_path);
  g_autofree char *missing = g_build_filename (home->data_home, "no-such-folder", "out.csv", NULL);
  g_autoptr (GBytes) out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (run_cli (home->data_home, missing, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, missing));
  g_assert_nonnull (strstr (err, "Check that the folder exists"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_bytes_unref);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (home->db_path, "not a database", -1, NULL));
  g_assert_cmpint (run_cli (home->data_home, "-", &out, &err), ==, 1);
  g_assert_cmpuint (g_bytes_get_size (out), ==, 0);
  g_assert_nonnull (strstr (err, home->db_path));
  g_assert_nonnull (strstr (err, "Start Unknot"));
  g_assert_true (g_file_get_contents (home->db_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not a database");
  g_assert_cmpuint (count_files (folder), ==, 1);
}

static void
assert_header_only (GBytes *out)
{
  g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out),
                   UNKNOT_HISTORY_CSV_HEADER "\r\n", strlen (UNKNOT_HISTORY_CSV_HEADER "\r\n"));
}

/* $XDG_DATA_HOME a file: no history can be there, so there is none to export; nothing
 * is written, and the file is left alone. */
static void
test_cli_data_home_is_a_file (DataHome      *home,
                              gconstpointer  data)
{
  g_autofree char *file = g_build_filename (home->data_home, "data", NULL);
  g_autoptr (GBytes) out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  g_assert_cmpint (run_cli (file, "-", &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_header_only (out);
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not a folder");
  g_assert_cmpuint (count_files (home->data_home), ==, 1);
}

/* $XDG_DATA_HOME unset (GLib takes empty as unset): the history is looked for under
 * $HOME/.local/share, and reading it creates nothing there. */
static void
test_cli_data_home_unset (DataHome      *home,
                          gconstpointer  data)
{
  g_autofree char *home_variable = g_strdup_printf ("HOME=%s", home->data_home);
  g_autofree char *folder = g_build_filename (home->data_home, ".local", "share", "unknot", NULL);
  g_autofree char *db_path = history_test_db_path (folder);
  const char *environment[] = { "XDG_DATA_HOME=", home_variable, NULL };
  const char *arguments[] = { "--export-history", "-", NULL };
  g_auto (UnknotTestRun) run = { 0 };
  g_autoptr (UnknotHistory) history = NULL;
  g_autoptr (GDateTime) start = history_test_utc ("2026-11-20T07:00:00Z");
  g_autoptr (GBytes) out = NULL;

  unknot_test_run_unknot (NULL, environment, arguments, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  out = g_bytes_new (run.out, strlen (run.out));
  assert_header_only (out);
  g_assert_cmpuint (count_files (home->data_home), ==, 0);

  /* And a history there is the one exported. */
  history = history_test_open (db_path);
  history_test_add (history, start, UNKNOT_HISTORY_STATUS_COMPLETED, 1);
  g_clear_object (&history);
  unknot_test_run_clear (&run);
  unknot_test_run_unknot (NULL, environment, arguments, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2026-11-20T07:00:00Z"));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GError **error = data;

  if (!unknot_history_export_file_finish (result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* The file writer of the window and the command line: on its own thread and its own
 * connection, the whole export replaces the old file at once; a history it cannot read
 * leaves the old file as it was, and nothing beside it. */
static void
test_file_async (DataHome      *home,
                 gconstpointer  data)
{
  g_autoptr (UnknotHistory) history = history_test_open (home->db_path);
  g_autofree char *out_folder = unknot_test_make_folder ("unknot-export");
  g_autofree char *out_path = g_build_filename (out_folder, "history.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (out_path);
  g_autoptr (GBytes) expected = read_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;

  fill (history);
  g_assert_true (g_file_set_contents (out_path, "old export\n", -1, NULL));
  unknot_history_export_file_async (home->db_path, file, NULL, on_exported, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_file_get_contents (out_path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, size, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpuint (count_files (out_folder), ==, 1);

  /* A damaged history: an error, and the last export is left whole. */
  g_clear_object (&history);
  g_assert_true (g_file_set_contents (home->db_path, "not a database", -1, NULL));
  unknot_history_export_file_async (home->db_path, file, NULL, on_exported, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_CORRUPT);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (out_path, &contents, &size, NULL);
  g_assert_cmpmem (contents, size, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpuint (count_files (out_folder), ==, 1);

  unknot_test_remove_folder (out_folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/export/csv-matches-fixture", test_csv_matches_fixture);
  g_test_add_func ("/history/export/csv-empty", test_csv_empty);
  g_test_add ("/history/export/cli-stdout", DataHome, NULL,
              data_home_set_up, test_cli_stdout, data_home_tear_down);
  g_test_add ("/history/export/cli-file", DataHome, NULL,
              data_home_set_up, test_cli_file, data_home_tear_down);
  g_test_add ("/history/export/cli-no-history", DataHome, NULL,
              data_home_set_up, test_cli_no_history, data_home_tear_down);
  g_test_add ("/history/export/cli-errors", DataHome, NULL,
              data_home_set_up, test_cli_errors, data_home_tear_down);
  g_test_add ("/history/export/cli-data-home-is-a-file", DataHome, NULL,
              data_home_set_up, test_cli_data_home_is_a_file, data_home_tear_down);
  g_test_add ("/history/export/file-async", DataHome, NULL,
              data_home_set_up, test_file_async, data_home_tear_down);
  g_test_add ("/history/export/cli-data-home-unset", DataHome, NULL,
              data_home_set_up, test_cli_data_home_unset, data_home_tear_down);

  return g_test_run ();
}
