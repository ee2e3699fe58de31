/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-history-export.h"

#include <string.h>

#include "unknot-history-private.h"

/* Lines end in CRLF, as RFC 4180 says and spreadsheets expect; a line break inside a
 * quoted field stays as it was stored. UTF-8 without a byte order mark, which scripts
 * would read as part of the first column's name. */
#define CSV_LINE_END "\r\n"

/* Written in chunks of about this size, so a long history needs no big buffer. */
#define CHUNK_SIZE 65536

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

/* Times go out exactly as stored: ISO 8601 in UTC, such as 2026-11-26T16:48:45Z. */
static void
append_row (GString      *text,
            sqlite3_stmt *statement)
{
  for (int column = 0; column < 9; column++)
    {
      if (column > 0)
        g_string_append_c (text, ',');
      append_field (text, (const char *) sqlite3_column_text (statement, column));
    }
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

/**
 * unknot_history_export_csv:
 * @stream: where to write; left open
 *
 * Writes every session, oldest first (by start time, then id), as CSV with the header
 * %UNKNOT_HISTORY_CSV_HEADER. An interrupted session has no finished_at.
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
  int result;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = unknot_history_get_db (self);
  statement = unknot_history_db_prepare (db,
    "SELECT started_at, finished_at, routine_id, routine_name, status, planned_seconds, "
    "active_seconds, steps_completed, steps_total FROM sessions ORDER BY started_at, id",
    error);
  if (statement == NULL)
    return FALSE;

  text = g_string_sized_new (CHUNK_SIZE + 4096);
  g_string_append (text, UNKNOT_HISTORY_CSV_HEADER CSV_LINE_END);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      append_row (text, statement);
      if (text->len >= CHUNK_SIZE && !flush (stream, text, error))
        {
          unknot_history_db_done (db, statement, SQLITE_DONE, NULL);
          return FALSE;
        }
    }
  if (!unknot_history_db_done (db, statement, result, error))
    return FALSE;
  return flush (stream, text, error);
}
