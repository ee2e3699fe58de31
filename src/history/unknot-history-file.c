/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-history-file.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "unknot-history-error.h"
#include "unknot-history-schema.h"

/* Waiting this long for a lock covers a checkpoint or a reader in another process. */
#define BUSY_TIMEOUT_MS 2000

/* Files SQLite keeps beside a database, moved aside with it. */
static const char *const companion_suffixes[] = { "-wal", "-shm", "-journal" };

static UnknotHistoryDb *
open_connection (const char  *path,
                 const char  *filename,
                 int          flags,
                 GError     **error)
{
  sqlite3 *handle = NULL;
  int result = sqlite3_open_v2 (filename, &handle, flags, NULL);

  if (result != SQLITE_OK)
    {
      unknot_history_error_set_sqlite (error, result, path,
                                       handle ? sqlite3_errmsg (handle) : sqlite3_errstr (result));
      sqlite3_close (handle);
      return NULL;
    }
  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
  /* The last connection to close normally checkpoints the WAL and deletes it. A file
   * that turns out damaged must keep its -wal for the copy kept aside, and reading must
   * change nothing, so that is allowed only once the file is known to be good. */
  sqlite3_db_config (handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  return unknot_history_db_new (handle, path);
}

/* PRAGMA quick_check reads every page and answers one row "ok" or the problems found. */
static gboolean
quick_check (UnknotHistoryDb  *db,
             GError          **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db, "PRAGMA quick_check", error);
  g_autofree char *verdict = NULL;
  int result;

  if (statement == NULL)
    return FALSE;
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    verdict = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  if (!unknot_history_db_done (db, statement, result, error))
    return FALSE;
  if (g_strcmp0 (verdict, "ok") == 0)
    return TRUE;

  unknot_history_error_set_sqlite (error, SQLITE_CORRUPT, unknot_history_db_get_path (db),
                                   verdict ? verdict : "quick_check");
  return FALSE;
}

/* Reading the version is the first access to the file: it fails for a file that is not
 * a database at all; quick_check then finds damage inside one. */
static gboolean
check_file (UnknotHistoryDb  *db,
            int              *version,
            GError          **error)
{
  return unknot_history_schema_check (db, version, error) && quick_check (db, error);
}

static gboolean
exec_pragma_text (UnknotHistoryDb  *db,
                  const char       *sql,
                  const char       *expected,
                  GError          **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db, sql, error);
  gboolean matches;
  int result;

  if (statement == NULL)
    return FALSE;
  result = sqlite3_step (statement);
  matches = result == SQLITE_ROW
            && g_ascii_strcasecmp ((const char *) sqlite3_column_text (statement, 0),
                                   expected) == 0;
  if (!unknot_history_db_done (db, statement, result, error))
    return FALSE;
  if (!matches)
    unknot_history_error_set_sqlite (error, SQLITE_CANTOPEN, unknot_history_db_get_path (db),
                                     sql);
  return matches;
}

/* synchronous=FULL. In WAL mode, NORMAL already keeps every committed row when the
 * process is killed (the OS holds the write), but loses the last commits if the
 * computer loses power or crashes before the next checkpoint; FULL syncs the WAL at
 * each commit and keeps them. The price, measured with the benchmark (meson test
 * --benchmark) on an SSD: a commit took a median of 0.1 ms with FULL on an idle disk and
 * 4 ms (p99 8 ms) on a busy one, against 0.02 ms with NORMAL. The store commits once
 * per finished step, tens of seconds apart, so the safer mode costs nothing a user could
 * notice, and a laptop whose battery dies on the floor after a run still has the
 * session. */
static gboolean
set_up_for_writing (UnknotHistoryDb  *db,
                    GError          **error)
{
  return exec_pragma_text (db, "PRAGMA journal_mode = WAL", "wal", error)
         && unknot_history_db_exec (db, "PRAGMA synchronous = FULL", error)
         && unknot_history_db_exec (db, "PRAGMA foreign_keys = ON", error)
         && unknot_history_schema_migrate (db, error);
}

static char *
new_kept_aside_path (const char *path)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  g_autofree char *extension = g_strdup (dot != NULL && dot != base ? dot : "");

  if (dot != NULL && dot != base)
    *dot = '\0';

  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf ("-%u", n);
      g_autofree char *name = g_strdup_printf ("%s-damaged-%s%s%s", base, stamp, suffix, extension);
      char *candidate = g_build_filename (folder, name, NULL);
      g_autofree char *wal = g_strconcat (candidate, "-wal", NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS) && !g_file_test (wal, G_FILE_TEST_EXISTS))
        return candidate;
      g_free (candidate);
    }
}

static gboolean
move_file (const char  *from,
           const char  *to,
           GError     **error)
{
  int saved_errno;

  if (g_rename (from, to) == 0)
    return TRUE;
  saved_errno = errno;
  g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_CORRUPT,
               /* Translators: the first %s is the path of the history file, the second the reason
                * the system gives */
               _("The history file “%s” is damaged and could not be moved aside (%s). Move it "
                 "to another folder yourself, then start Unknot again."),
               from, g_strerror (saved_errno));
  return FALSE;
}

/* Renames the damaged file, and its -wal and -shm with it, so that nothing of it is lost
 * and a fresh file can take its name. A -wal left behind would be replayed into the
 * fresh file, so if any rename fails, the ones done are undone. */
static char *
keep_aside (const char  *path,
            GError     **error)
{
  g_autofree char *kept = new_kept_aside_path (path);

  if (!move_file (path, kept, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (companion_suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, companion_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (kept, companion_suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && !move_file (from, to, error))
        {
          for (guint j = 0; j < i; j++)
            {
              g_autofree char *back = g_strconcat (path, companion_suffixes[j], NULL);
              g_autofree char *moved = g_strconcat (kept, companion_suffixes[j], NULL);
              g_rename (moved, back);
            }
          g_rename (kept, path);
          return NULL;
        }
    }
  return g_steal_pointer (&kept);
}

static UnknotHistoryDb *
open_checked (const char  *path,
              const char  *filename,
              int          flags,
              int         *version,
              GError     **error)
{
  g_autoptr (UnknotHistoryDb) db = open_connection (path, filename, flags, error);

  if (db == NULL || !check_file (db, version, error))
    return NULL;
  return g_steal_pointer (&db);
}

/* SQLite cannot read a WAL file without its -shm index, and cannot create one in a
 * read-only folder; when no -wal is left over, every row is in the main file, and
 * opening it as immutable reads it without the index. */
static UnknotHistoryDb *
open_for_reading (const char  *path,
                  int         *version,
                  GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  UnknotHistoryDb *db;

  db = open_checked (path, path, SQLITE_OPEN_READONLY, version, &local_error);
  if (db != NULL
      || !g_error_matches (local_error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_READ_ONLY)
      || g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return db;
    }

  uri = g_filename_to_uri (path, NULL, error);
  if (uri == NULL)
    return NULL;
  immutable = g_strconcat (uri, "?mode=ro&immutable=1", NULL);
  return open_checked (path, immutable, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, version, error);
}

/* A history that does not exist yet reads as an empty one, without creating a file. */
static UnknotHistoryDb *
open_empty (const char  *path,
            GError     **error)
{
  g_autoptr (UnknotHistoryDb) db = open_connection (path, ":memory:",
                                                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY,
                                                    error);

  if (db == NULL || !unknot_history_schema_migrate (db, error))
    return NULL;
  return g_steal_pointer (&db);
}

/* Reading repairs nothing, so the message says who will. */
static void
propagate_read_error (GError  *local_error,
                      GError **error)
{
  if (!g_error_matches (local_error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_CORRUPT))
    {
      g_propagate_error (error, local_error);
      return;
    }
  g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_CORRUPT, "%s %s",
               local_error->message,
               _("Start Unknot: it moves the damaged file aside, keeping it, and starts a "
                 "new history."));
  g_error_free (local_error);
}

static UnknotHistoryDb *
open_read_mode (const char  *path,
                GError     **error)
{
  GError *local_error = NULL;
  UnknotHistoryDb *db;
  int version = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return open_empty (path, error);

  db = open_for_reading (path, &version, &local_error);
  if (db == NULL)
    {
      propagate_read_error (local_error, error);
      return NULL;
    }
  if (version != UNKNOT_HISTORY_SCHEMA_VERSION)
    {
      g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_READ_ONLY,
                   /* Translators: %s is the path of the history file */
                   _("The history file “%s” is in an older format that cannot be updated "
                     "while it is only read. Start Unknot once with write access to update "
                     "it."), path);
      g_clear_pointer (&db, unknot_history_db_free);
    }
  return db;
}

static UnknotHistoryDb *
open_writable (const char  *path,
               int         *version,
               GError     **error)
{
  g_autoptr (UnknotHistoryDb) db =
    open_checked (path, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, version, error);

  if (db == NULL)
    return NULL;
  /* SQLite opens a write-protected file for reading without a word. */
  if (sqlite3_db_readonly (unknot_history_db_get_handle (db), "main") == 1)
    {
      unknot_history_error_set_sqlite (error, SQLITE_READONLY, path, "");
      return NULL;
    }
  if (!set_up_for_writing (db, error))
    return NULL;
  sqlite3_db_config (unknot_history_db_get_handle (db), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0,
                     NULL);
  return g_steal_pointer (&db);
}

static UnknotHistoryDb *
open_write_mode (const char  *path,
                 gboolean    *read_only,
                 char       **kept_aside_path,
                 GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  UnknotHistoryDb *db;
  int version = 0;

  g_mkdir_with_parents (folder, 0700);
  db = open_writable (path, &version, &local_error);
  if (db != NULL)
    return db;

  if (g_error_matches (local_error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_CORRUPT))
    {
      *kept_aside_path = keep_aside (path, error);
      return *kept_aside_path != NULL ? open_writable (path, &version, error) : NULL;
    }

  /* Without write access the history can still be shown, and every write then says
   * why it failed. */
  if (g_error_matches (local_error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_READ_ONLY)
      || g_error_matches (local_error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_IO))
    {
      db = g_file_test (path, G_FILE_TEST_EXISTS) ? open_read_mode (path, NULL) : NULL;
      if (db != NULL)
        {
          *read_only = TRUE;
          return db;
        }
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * unknot_history_file_open:
 * @read_only: (out): set when writes will fail
 * @kept_aside_path: (out): set to where a damaged file was moved, or left alone
 *
 * In write mode, a file that is not a database or fails its quick check is kept aside
 * (renamed, never deleted) and a fresh one is started; one written by a newer Unknot is
 * an error and left untouched.
 */
UnknotHistoryDb *
unknot_history_file_open (const char             *path,
                          UnknotHistoryOpenMode   mode,
                          gboolean               *read_only,
                          char                  **kept_aside_path,
                          GError                **error)
{
  *read_only = mode == UNKNOT_HISTORY_OPEN_READ;
  if (mode == UNKNOT_HISTORY_OPEN_READ)
    return open_read_mode (path, error);
  return open_write_mode (path, read_only, kept_aside_path, error);
}
