/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-history-export.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "unknot-history-private.h"

/* The history as CSV, one line per session, oldest first: written to any stream, or to
 * a file whole or not at all, on a thread of its own with a connection of its own, so
 * the window never waits for it and the store of the main thread is never shared. Both
 * the window and `unknot --export-history` write files through here. */

/* Lines end in CRLF, as RFC 4180 says and spreadsheets expect; a line break inside a
 * quoted field stays as it was stored. UTF-8 without a byte order mark, which scripts
 * would read as part of the first column's name. */
#define CSV_LINE_END "\r\n"

/* Written in chunks of about this size, so a long history needs no big buffer. */
#define CHUNK_SIZE 65536

/* The columns of the query, up to the step's region of each row of the join. */
enum
{
  COLUMN_ID,
  COLUMN_FIRST_FIELD,   /* started_at … steps_total, written as stored */
  COLUMN_FEEL = COLUMN_FIRST_FIELD + 9,
  COLUMN_REGION,
  COLUMN_AFTER_RUN,
};

/* RFC 4180: a field with a comma, a double quote or a line break is put in double
 * quotes, and each double quote in it is doubled; any other field is written as it is. */
static void
append_field (GString    *line,
              const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *c);
    }
  g_string_append_c (line, '"');
}

/* One session's line, built while the query walks its steps. */
typedef struct
{
  gint64 id;            /* 0 before the first row */
  GString *fields;      /* the line up to the regions, comma-separated */
  GPtrArray *regions;   /* of const char *, vocabulary ids in the order first worked on */
  GStringChunk *ids;
  const char *after_run; /* a run kind id, in ids, or NULL */
} Line;

static void
line_start (Line         *line,
            sqlite3_stmt *statement)
{
  line->id = sqlite3_column_int64 (statement, COLUMN_ID);
  g_string_truncate (line->fields, 0);
  g_ptr_array_set_size (line->regions, 0);
  /* Times go out exactly as stored: ISO 8601 in UTC, such as 2026-11-26T16:48:45Z. */
  for (int column = COLUMN_FIRST_FIELD; column <= COLUMN_FEEL; column++)
    {
      if (column > COLUMN_FIRST_FIELD)
        g_string_append_c (line->fields, ',');
      append_field (line->fields, (const char *) sqlite3_column_text (statement, column));
    }
  line->after_run = NULL;
  if (sqlite3_column_type (statement, COLUMN_AFTER_RUN) != SQLITE_NULL)
    line->after_run = g_string_chunk_insert_const (
      line->ids, (const char *) sqlite3_column_text (statement, COLUMN_AFTER_RUN));
}

static void
line_add_region (Line         *line,
                 sqlite3_stmt *statement)
{
  const char *region = (const char *) sqlite3_column_text (statement, COLUMN_REGION);

  if (region == NULL)
    return;
  for (guint i = 0; i < line->regions->len; i++)
    if (g_str_equal (g_ptr_array_index (line->regions, i), region))
      return;
  g_ptr_array_add (line->regions, g_string_chunk_insert_const (line->ids, region));
}

/* Regions and run kinds are vocabulary ids, which hold no comma, quote or ';'. */
static void
line_write (Line    *line,
            GString *text)
{
  g_string_append_len (text, line->fields->str, line->fields->len);
  g_string_append_c (text, ',');
  for (guint i = 0; i < line->regions->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ';');
      g_string_append (text, g_ptr_array_index (line->regions, i));
    }
  g_string_append_c (text, ',');
  if (line->after_run != NULL)
    g_string_append (text, line->after_run);
  g_string_append (text, CSV_LINE_END);
}

static gboolean
flush (GOutputStream  *stream,
       GString        *text,
       GError        **error)
{
  gboolean written = g_output_stream_write_all (stream, text->str, text->len, NULL, NULL, error);

  g_string_truncate (text, 0);
  return written;
}

/* Every session with its steps' regions, a row per step (one without steps for a
 * session that has none), in the order the lines are written. */
static sqlite3_stmt *
prepare_rows (UnknotHistoryDb  *db,
              GError          **error)
{
  return unknot_history_db_prepare (db,
    "SELECT sessions.id, started_at, finished_at, routine_id, routine_name, status, "
    "planned_seconds, active_seconds, steps_completed, steps_total, feel, steps.region, "
    "after_run "
    "FROM sessions LEFT JOIN steps ON steps.session_id = sessions.id "
    "ORDER BY started_at, sessions.id, steps.position", error);
}

/**
 * unknot_history_export_csv:
 * @stream: where to write; left open
 *
 * Writes every session, oldest first (by start time, then id), as CSV with the header
 * %UNKNOT_HISTORY_CSV_HEADER. An interrupted session has no finished_at, an unrated one
 * no rating; regions are the vocabulary ids of the regions of the steps done, in the
 * order first worked on, separated by ';'; after_run is the kind of run the session
 * followed ("long"), empty for none.
 *
 * Returns: %TRUE if all was written; otherwise @error is from the history
 *   (%UNKNOT_HISTORY_ERROR) or from @stream.
 */
gboolean
unknot_history_export_csv (UnknotHistory  *self,
                           GOutputStream  *stream,
                           GError        **error)
{
  UnknotHistoryDb *db;
  sqlite3_stmt *statement;
  g_autoptr (GString) text = NULL;
  g_autoptr (GString) fields = g_string_new (NULL);
  g_autoptr (GPtrArray) regions = g_ptr_array_new ();
  GStringChunk *ids = g_string_chunk_new (256);
  Line line = { 0, fields, regions, ids, NULL };
  gboolean written = FALSE;
  int result;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = unknot_history_get_db (self);
  statement = prepare_rows (db, error);
  if (statement == NULL)
    goto out;

  text = g_string_sized_new (CHUNK_SIZE + 4096);
  g_string_append (text, UNKNOT_HISTORY_CSV_HEADER CSV_LINE_END);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      if (sqlite3_column_int64 (statement, COLUMN_ID) != line.id)
        {
          if (line.id != 0)
            line_write (&line, text);
          line_start (&line, statement);
        }
      line_add_region (&line, statement);
      if (text->len >= CHUNK_SIZE && !flush (stream, text, error))
        {
          unknot_history_db_done (db, statement, SQLITE_DONE, NULL);
          goto out;
        }
    }
  if (!unknot_history_db_done (db, statement, result, error))
    goto out;
  if (line.id != 0)
    line_write (&line, text);
  written = flush (stream, text, error);

out:
  g_string_chunk_free (ids);
  return written;
}

/* The caller names the file: the message only says what went wrong. */
static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* The CSV into the open file @fd, on the disk before it returns; takes @fd. */
static gboolean
write_synced (UnknotHistory  *history,
              int             fd,
              GError        **error)
{
  g_autoptr (GOutputStream) stream = g_unix_output_stream_new (fd, TRUE);

  if (!unknot_history_export_csv (history, stream, error)
      || !g_output_stream_flush (stream, NULL, error))
    return FALSE;
  if (fsync (fd) != 0)
    return set_errno_error (error, errno);
  return g_output_stream_close (stream, NULL, error);
}

/* Into a new file beside @path, then renamed over it: a crash, a full disk or a bad
 * row leaves either the old file or the new one, whole, never half of one. */
static gboolean
write_atomically (UnknotHistory  *history,
                  const char     *path,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *hidden = g_strdup_printf (".%s.XXXXXX", name);
  g_autofree char *temp_path = g_build_filename (folder, hidden, NULL);
  int fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);

  if (fd < 0)
    return set_errno_error (error, errno);
  if (!write_synced (history, fd, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }
  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      return set_errno_error (error, saved_errno);
    }
  return TRUE;
}

/**
 * unknot_history_export_file:
 * @db_path: (nullable): the history's database, %NULL for the default one
 * @file: where to write; a local file, replaced only once the whole export is written
 *
 * Writes the history as CSV into @file through a connection of its own, which only
 * reads, so it is safe on any thread and while the app records a session.
 *
 * Returns: %TRUE if @file now holds the whole export.
 */
gboolean
unknot_history_export_file (const char    *db_path,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr (UnknotHistory) history = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The history can only be exported to a file on this computer."));
      return FALSE;
    }
  history = unknot_history_new_for_reading (db_path, error);
  return history != NULL && write_atomically (history, path, cancellable, error);
}

typedef struct
{
  char *db_path;
  GFile *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_object_unref (job->file);
  g_free (job);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  ExportJob *job = data;
  GError *error = NULL;

  if (unknot_history_export_file (job->db_path, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * unknot_history_export_file_async:
 * @db_path: (nullable): the history's database, %NULL for the default one
 *
 * unknot_history_export_file() on a thread of its own; @callback runs in the thread
 * default main context of the caller.
 */
void
unknot_history_export_file_async (const char          *db_path,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_history_export_file_async);
  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (db_path);
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
unknot_history_export_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == unknot_history_export_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
