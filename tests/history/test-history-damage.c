/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "history-test-utils.h"
#include "unknot-history-private.h"
#include "unknot-test-utils.h"

/* What the files a damaged database leaves behind hold, to check they are kept. */
typedef struct
{
  char *contents;
  gsize size;
} Kept;

static void
read_kept (const char *path,
           Kept       *kept)
{
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &kept->contents, &kept->size, &error);
  g_assert_no_error (error);
}

static void
write_random (const char *path,
              gsize       size)
{
  g_autofree guint8 *bytes = g_malloc (size);
  g_autoptr (GError) error = NULL;

  for (gsize i = 0; i < size; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  g_file_set_contents (path, (const char *) bytes, size, &error);
  g_assert_no_error (error);
}

static void
assert_file_holds (const char *path,
                   const Kept *kept)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpmem (contents, size, kept->contents, kept->size);
}

/* The damaged file is moved aside under a name with the time in it, with its -wal,
 * byte for byte; the store says where; a fresh database takes its place and works. */
static void
assert_kept_aside (const char *folder,
                   const char *path,
                   const Kept *main_file,
                   const Kept *wal)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotHistory) history = unknot_history_new (path, &error);
  g_autoptr (GRegex) pattern = g_regex_new ("/history-damaged-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?\\.db$",
                                            0, 0, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *kept_wal = NULL;
  const char *kept;
  gint64 id;

  g_assert_no_error (error);
  kept = unknot_history_get_kept_aside_path (history);
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, folder));
  g_assert_true (g_regex_match (pattern, kept, 0, NULL));
  assert_file_holds (kept, main_file);
  kept_wal = g_strconcat (kept, "-wal", NULL);
  if (wal != NULL)
    assert_file_holds (kept_wal, wal);

  g_assert_false (unknot_history_get_read_only (history));
  id = history_test_add (history, now, UNKNOT_HISTORY_STATUS_COMPLETED, 1);
  g_assert_cmpint (id, ==, 1);
  g_assert_cmpint (history_test_query_int (history, "SELECT count(*) FROM sessions"), ==, 1);
}

static void
test_random_bytes (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-history");
  g_autofree char *path = history_test_db_path (folder);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  Kept main_file = { 0 }, wal = { 0 };

  write_random (path, 16384);
  write_random (wal_path, 4096);
  read_kept (path, &main_file);
  read_kept (wal_path, &wal);

  assert_kept_aside (folder, path, &main_file, &wal);

  g_free (main_file.contents);
  g_free (wal.contents);
  unknot_test_remove_folder (folder);
}

static void
test_not_a_database (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-history");
  g_autofree char *path = history_test_db_path (folder);
  Kept text = { g_strdup ("started_at,finished_at\n2026-11-26T16:48:45Z,\n"), 0 };

  text.size = strlen (text.contents);
  g_assert_true (g_file_set_contents (path, text.contents, text.size, NULL));
  assert_kept_aside (folder, path, &text, NULL);

  g_free (text.contents);
  unknot_test_remove_folder (folder);
}

/* A real history of a few hundred sessions, closed; returns its size in bytes. */
static gsize
write_real_history (const char *path)
{
  g_autoptr (UnknotHistory) history = history_test_open (path);
  g_autoptr (GDateTime) start = history_test_utc ("2026-01-05T07:00:00Z");
  GStatBuf info;

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr (GDateTime) time = g_date_time_add_hours (start, i * 13);
      history_test_add (history, time, UNKNOT_HISTORY_STATUS_COMPLETED, 2);
    }
  g_clear_object (&history);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 12 * 4096);
  return info.st_size;
}

/* A history cut short, as a full disk during a copy leaves it: shorter than its header
 * says, which SQLite reports as soon as it reads it. */
static void
test_truncated_database (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-history");
  g_autofree char *path = history_test_db_path (folder);
  gsize size = write_real_history (path);
  Kept truncated = { 0 };

  g_assert_cmpint (truncate (path, size / 2), ==, 0);
  read_kept (path, &truncated);

  assert_kept_aside (folder, path, &truncated, NULL);

  g_free (truncated.contents);
  unknot_test_remove_folder (folder);
}

/* Pages in the middle zeroed, as a failing disk leaves them: the header and the schema
 * are fine, so SQLite opens the file without a word, and only the quick check finds the
 * damage. */
static void
test_zeroed_pages (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-history");
  g_autofree char *path = history_test_db_path (folder);
  gsize size = write_real_history (path);
  g_autofree char *contents = NULL;
  gsize middle = size / 2 / 4096 * 4096;
  Kept damaged = { 0 };

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  memset (contents + middle, 0, 2 * 4096);
  g_assert_true (g_file_set_contents (path, contents, size, NULL));
  read_kept (path, &damaged);

  assert_kept_aside (folder, path, &damaged, NULL);

  g_free (damaged.contents);
  unknot_test_remove_folder (folder);
}

static void
on_write_failed (UnknotHistory *history,
                 gint64         session_id,
                 GError        *error,
                 gpointer       data)
{
  guint *n_failures = data;
  (*n_failures)++;
}

static char *
integrity_check (UnknotHistory *history)
{
  sqlite3 *handle = unknot_history_db_get_handle (unknot_history_get_db (history));
  sqlite3_stmt *statement = NULL;
  char *verdict;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &statement, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  verdict = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  return verdict;
}

static void
limit_pages (UnknotHistory *history,
             gint64         max_pages)
{
  sqlite3 *handle = unknot_history_db_get_handle (unknot_history_get_db (history));
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, max_pages);

  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Sessions and steps until the disk (capped by max_page_count) is full. */
static void
fill_until_full (UnknotHistory  *history,
                 GError        **error)
{
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("calf-care", "Calf care");

  for (guint i = 0; i < 10000; i++)
    {
      gint64 id = unknot_history_begin (history, routine, 600000, 2, NULL, error);

      if (id == 0)
        return;
      for (guint step = 0; step < 5; step++)
        if (!unknot_history_record_step (history, id, UNKNOT_REGION_FEET,
                                         UNKNOT_TECHNIQUE_ROLLING, UNKNOT_SIDE_BOTH, 30,
                                         (step + 1) * 30000, error))
          return;
    }
  g_assert_not_reached ();
}

static void
test_disk_full (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-history");
  g_autofree char *path = history_test_db_path (folder);
  g_autoptr (UnknotHistory) history = history_test_open (path);
  g_autoptr (GDateTime) start = history_test_utc ("2026-11-20T07:00:00Z");
  g_autoptr (UnknotHistorySession) before = NULL;
  g_autoptr (UnknotHistorySession) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *big_note = g_strnfill (200000, 'x');
  guint n_failures = 0;
  gint64 id;

  id = history_test_add (history, start, UNKNOT_HISTORY_STATUS_COMPLETED, 2);
  unknot_history_set_feedback (history, id, 5, "Good", &error);
  g_assert_no_error (error);
  before = unknot_history_get_session (history, id, &error);
  g_signal_connect (history, "write-failed", G_CALLBACK (on_write_failed), &n_failures);

  limit_pages (history, history_test_query_int (history, "PRAGMA page_count"));
  fill_until_full (history, &error);
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_cmpuint (n_failures, ==, 1);

  /* A write that needs many new pages fails whole: the old note stays. */
  g_assert_false (unknot_history_set_feedback (history, id, 1, big_note, &error));
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_DISK_FULL);
  g_clear_error (&error);

  after = unknot_history_get_session (history, id, &error);
  g_assert_no_error (error);
  history_test_assert_same (after, before);
  verdict = integrity_check (history);
  g_assert_cmpstr (verdict, ==, "ok");

  /* With room again, recording goes on, and what came before is still there. */
  limit_pages (history, 1073741823);
  history_test_add (history, start, UNKNOT_HISTORY_STATUS_COMPLETED, 1);
  g_clear_object (&history);
  history = history_test_open (path);
  g_clear_pointer (&after, unknot_history_session_free);
  after = unknot_history_get_session (history, id, &error);
  g_assert_no_error (error);
  history_test_assert_same (after, before);

  g_clear_object (&history);
  unknot_test_remove_folder (folder);
}

/* chmod does not stop root, who runs CI: the check runs as "nobody" then. */
static void
drop_privileges (void)
{
  if (geteuid () != 0)
    return;
  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (65534), ==, 0);
  g_assert_cmpint (setuid (65534), ==, 0);
  g_assert_cmpint (geteuid (), ==, 65534);
}

static void
assert_cannot_write (const char *path)
{
  errno = 0;
  g_assert_cmpint (g_access (path, W_OK), !=, 0);
  g_assert_cmpint (errno, ==, EACCES);
}

/* Opens the history where it may not be written: it is still shown, each write fails
 * with READ_ONLY (and says so through "write-failed"), and the file is untouched. */
static void
assert_read_only_store (const char                 *path,
                        const UnknotHistorySession *before)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotHistory) history = unknot_history_new (path, &error);
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("calf-care", "Calf care");
  g_autoptr (UnknotHistorySession) after = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  guint n_failures = 0;

  g_assert_no_error (error);
  g_assert_true (unknot_history_get_read_only (history));
  g_assert_null (unknot_history_get_kept_aside_path (history));
  g_signal_connect (history, "write-failed", G_CALLBACK (on_write_failed), &n_failures);

  sessions = unknot_history_list_sessions (history, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  after = unknot_history_get_session (history, before->id, &error);
  g_assert_no_error (error);
  history_test_assert_same (after, before);

  g_assert_cmpint (unknot_history_begin (history, routine, 1000, 2, NULL, &error), ==, 0);
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_null (unknot_history_delete_session (history, before->id, &error));
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (n_failures, ==, 2);
}

static void
chmod_all (const char *folder,
           int         mode)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_assert_cmpint (g_chmod (path, mode), ==, 0);
    }
}

static void
read_only_child (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr (UnknotHistory) history = NULL;
  g_autoptr (UnknotHistorySession) before = NULL;
  g_autoptr (UnknotHistorySession) after = NULL;
  g_autoptr (GDateTime) start = history_test_utc ("2026-11-20T07:00:00Z");
  g_autoptr (GError) error = NULL;
  gint64 id;

  drop_privileges ();
  folder = unknot_test_make_folder ("unknot-history");
  path = history_test_db_path (folder);
  history = history_test_open (path);
  id = history_test_add (history, start, UNKNOT_HISTORY_STATUS_COMPLETED, 2);
  before = unknot_history_get_session (history, id, &error);
  g_clear_object (&history);

  /* The folder read-only: SQLite cannot make its -wal and -shm files. */
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  assert_cannot_write (folder);
  assert_read_only_store (path, before);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);

  /* The file read-only, in a folder that is not. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_cannot_write (path);
  assert_read_only_store (path, before);
  /* SQLite made its -wal and -shm as read-only as the file; a user giving write access
   * back gives it to all three. */
  chmod_all (folder, 0644);

  history = history_test_open (path);
  after = unknot_history_get_session (history, id, &error);
  g_assert_no_error (error);
  history_test_assert_same (after, before);
  g_clear_object (&history);
  unknot_test_remove_folder (folder);
}

static void
test_read_only (void)
{
  if (g_test_subprocess ())
    {
      read_only_child ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/damage/random-bytes", test_random_bytes);
  g_test_add_func ("/history/damage/not-a-database", test_not_a_database);
  g_test_add_func ("/history/damage/truncated-database", test_truncated_database);
  g_test_add_func ("/history/damage/zeroed-pages", test_zeroed_pages);
  g_test_add_func ("/history/damage/disk-full", test_disk_full);
  g_test_add_func ("/history/damage/read-only", test_read_only);

  return g_test_run ();
}
