/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-history-rows.h"

#include <glib/gi18n-lib.h>

#include "unknot-history-error.h"
#include "unknot-history-time.h"

static char *
dup_column_text (sqlite3_stmt *statement,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (statement, column));
}

static GDateTime *
column_time (sqlite3_stmt *statement,
             int           column)
{
  return unknot_history_time_to_date_time ((const char *) sqlite3_column_text (statement, column));
}

static guint
column_uint (sqlite3_stmt *statement,
             int           column)
{
  return (guint) CLAMP (sqlite3_column_int64 (statement, column), 0, G_MAXUINT);
}

/* The statement's current row, selected with UNKNOT_HISTORY_SESSION_COLUMNS; the steps
 * are left out (NULL). The table's CHECK constraints guarantee the time and status
 * forms. */
UnknotHistorySession *
unknot_history_rows_read_session (sqlite3_stmt *statement)
{
  UnknotHistorySession *session = unknot_history_session_new ();

  session->id = sqlite3_column_int64 (statement, 0);
  session->routine_id = dup_column_text (statement, 1);
  session->routine_name = dup_column_text (statement, 2);
  session->routine_checksum = dup_column_text (statement, 3);
  session->started_at = column_time (statement, 4);
  session->finished_at = column_time (statement, 5);
  session->planned_seconds = column_uint (statement, 6);
  session->active_seconds = column_uint (statement, 7);
  session->steps_completed = column_uint (statement, 8);
  session->steps_total = column_uint (statement, 9);
  unknot_history_status_from_string ((const char *) sqlite3_column_text (statement, 10),
                                     &session->status);
  session->feel = column_uint (statement, 11);
  session->note = dup_column_text (statement, 12);
  session->after_run = dup_column_text (statement, 13);
  return session;
}

/* A whole sentence for each kind of term, so that no translation has to take in an
 * English word such as "region". */
static void
set_unknown_term_error (const char        *path,
                        UnknotVocabulary   vocabulary,
                        const char        *id,
                        GError           **error)
{
  switch (vocabulary)
    {
    case UNKNOT_VOCABULARY_REGION:
      g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_CORRUPT,
                   /* Translators: the first %s is the path of the history file, the second
                    * the id of a body region as routine files write it, such as "calves" */
                   _("The history file “%s” names an unknown body region “%s”."), path, id);
      break;
    case UNKNOT_VOCABULARY_TECHNIQUE:
      g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_CORRUPT,
                   /* Translators: the first %s is the path of the history file, the second
                    * the id of a massage technique as routine files write it, such as
                    * "petrissage" */
                   _("The history file “%s” names an unknown technique “%s”."), path, id);
      break;
    case UNKNOT_VOCABULARY_SIDE:
      g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_CORRUPT,
                   /* Translators: the first %s is the path of the history file, the second
                    * the id of a side of the body as routine files write it, such as "left" */
                   _("The history file “%s” names an unknown side “%s”."), path, id);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Step rows keep vocabulary ids, as routine files do; an id this build does not know
 * could only come from another program editing the file. */
static gboolean
read_step (UnknotHistoryDb   *db,
           sqlite3_stmt      *statement,
           UnknotHistoryStep *step,
           GError           **error)
{
  static const UnknotVocabulary columns[] = {
    UNKNOT_VOCABULARY_REGION, UNKNOT_VOCABULARY_TECHNIQUE, UNKNOT_VOCABULARY_SIDE,
  };
  guint terms[G_N_ELEMENTS (columns)];

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *id = (const char *) sqlite3_column_text (statement, i);

      if (!unknot_vocabulary_lookup (columns[i], id, &terms[i]))
        {
          set_unknown_term_error (unknot_history_db_get_path (db), columns[i], id, error);
          return FALSE;
        }
    }
  step->region = terms[0];
  step->technique = terms[1];
  step->side = terms[2];
  step->seconds = column_uint (statement, 3);
  return TRUE;
}

gboolean
unknot_history_rows_load_steps (UnknotHistoryDb       *db,
                                UnknotHistorySession  *session,
                                GError               **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "SELECT region, technique, side, seconds FROM steps WHERE session_id = ?1 "
    "ORDER BY position", error);
  g_autoptr (GArray) steps = g_array_new (FALSE, TRUE, sizeof (UnknotHistoryStep));
  int result;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, session->id);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      UnknotHistoryStep step;

      if (!read_step (db, statement, &step, error))
        {
          unknot_history_db_done (db, statement, SQLITE_DONE, NULL);
          return FALSE;
        }
      g_array_append_val (steps, step);
    }
  if (!unknot_history_db_done (db, statement, result, error))
    return FALSE;

  g_clear_pointer (&session->steps, g_array_unref);
  session->steps = g_steal_pointer (&steps);
  return TRUE;
}

static void
bind_time (sqlite3_stmt *statement,
           int           index,
           GDateTime    *time)
{
  if (time == NULL)
    {
      sqlite3_bind_null (statement, index);
      return;
    }
  sqlite3_bind_text (statement, index, unknot_history_time_format (time), -1, g_free);
}

static void
bind_optional_text (sqlite3_stmt *statement,
                    int           index,
                    const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (statement, index);
  else
    sqlite3_bind_text (statement, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
insert_session_row (UnknotHistoryDb             *db,
                    const UnknotHistorySession  *session,
                    GError                     **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "INSERT INTO sessions (" UNKNOT_HISTORY_SESSION_COLUMNS ") "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, session->id);
  sqlite3_bind_text (statement, 2, session->routine_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, session->routine_name, -1, SQLITE_TRANSIENT);
  bind_optional_text (statement, 4, session->routine_checksum);
  bind_time (statement, 5, session->started_at);
  bind_time (statement, 6, session->finished_at);
  sqlite3_bind_int64 (statement, 7, session->planned_seconds);
  sqlite3_bind_int64 (statement, 8, session->active_seconds);
  sqlite3_bind_int64 (statement, 9, session->steps_completed);
  sqlite3_bind_int64 (statement, 10, session->steps_total);
  sqlite3_bind_text (statement, 11, unknot_history_status_to_string (session->status), -1,
                     SQLITE_STATIC);
  if (session->feel == 0)
    sqlite3_bind_null (statement, 12);
  else
    sqlite3_bind_int64 (statement, 12, session->feel);
  bind_optional_text (statement, 13, session->note);
  bind_optional_text (statement, 14, session->after_run);
  return unknot_history_db_run (db, statement, error);
}

static gboolean
insert_step_row (UnknotHistoryDb          *db,
                 gint64                    session_id,
                 guint                     position,
                 const UnknotHistoryStep  *step,
                 GError                  **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "INSERT INTO steps (session_id, position, region, technique, side, seconds) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, session_id);
  sqlite3_bind_int64 (statement, 2, position);
  sqlite3_bind_text (statement, 3, unknot_vocabulary_get_id (UNKNOT_VOCABULARY_REGION,
                                                             step->region), -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 4, unknot_vocabulary_get_id (UNKNOT_VOCABULARY_TECHNIQUE,
                                                             step->technique), -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 5, unknot_vocabulary_get_id (UNKNOT_VOCABULARY_SIDE,
                                                             step->side), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 6, step->seconds);
  return unknot_history_db_run (db, statement, error);
}

/* Writes @session with its own id and every step; the caller holds the transaction. */
gboolean
unknot_history_rows_insert_session (UnknotHistoryDb             *db,
                                    const UnknotHistorySession  *session,
                                    GError                     **error)
{
  if (!insert_session_row (db, session, error))
    return FALSE;

  for (guint i = 0; session->steps != NULL && i < session->steps->len; i++)
    if (!insert_step_row (db, session->id, i,
                          &g_array_index (session->steps, UnknotHistoryStep, i), error))
      return FALSE;
  return TRUE;
}
