/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-history-schema.h"

#include <glib/gi18n-lib.h>

#include "unknot-history-error.h"

#define ISO_8601_UTC \
  "'[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'"

/* migrations[n] takes a database from user_version n to n + 1. Never edit one that has
 * shipped: add the next. Times are UTC text in one fixed ISO 8601 form, so they sort as
 * text, read well in any SQLite tool and export as they are. */
static const char *const migrations[UNKNOT_HISTORY_SCHEMA_VERSION] = {
  /* 0 → 1 */
  "CREATE TABLE sessions ("
  "  id               INTEGER PRIMARY KEY AUTOINCREMENT," /* never reused: undo restores ids */
  "  routine_id       TEXT NOT NULL,"
  "  routine_name     TEXT NOT NULL,"
  "  routine_checksum TEXT,"
  "  started_at       TEXT NOT NULL CHECK (started_at GLOB " ISO_8601_UTC "),"
  "  finished_at      TEXT CHECK (finished_at GLOB " ISO_8601_UTC "),"
  "  planned_seconds  INTEGER NOT NULL CHECK (planned_seconds >= 0),"
  "  active_seconds   INTEGER NOT NULL DEFAULT 0 CHECK (active_seconds >= 0),"
  "  steps_completed  INTEGER NOT NULL DEFAULT 0 CHECK (steps_completed >= 0),"
  "  steps_total      INTEGER NOT NULL CHECK (steps_total >= 0),"
  "  status           TEXT NOT NULL DEFAULT 'in-progress'"
  "                   CHECK (status IN ('in-progress', 'completed', 'stopped', 'interrupted')),"
  "  feel             INTEGER CHECK (feel BETWEEN 1 AND 5),"
  "  note             TEXT"
  ") STRICT;"
  "CREATE TABLE steps ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL CHECK (position >= 0),"
  "  region     TEXT NOT NULL,"    /* vocabulary ids, as in routine files */
  "  technique  TEXT NOT NULL,"
  "  side       TEXT NOT NULL,"
  "  seconds    INTEGER NOT NULL CHECK (seconds >= 0),"
  "  PRIMARY KEY (session_id, position)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX sessions_by_start ON sessions (started_at, id);"
  /* Holds exactly the sessions that count, with every column the history page's
   * queries read, so that they never touch the table itself. The rule of version 1. */
  "CREATE INDEX sessions_counted_by_start"
  "  ON sessions (started_at, status, steps_completed, feel)"
  "  WHERE (status = 'completed' OR (status IN ('stopped', 'interrupted')"
  "         AND steps_completed > 0));"
  "CREATE INDEX sessions_in_progress ON sessions (id) WHERE status = 'in-progress';",

  /* 1 → 2: an honest history. Earlier versions recorded previews at --speed as real
   * sessions, counted a step again when it was redone after going back, and called a
   * routine skipped through "completed". Every row stays; what it claims is judged
   * again by what it shows itself. A session cannot have run longer than it lasted on
   * the wall clock, so a longer active time was a preview's and becomes the time it
   * lasted; no session did more steps than its routine has; and "completed" now means
   * the end was reached with at least half the planned time active. */
  "UPDATE sessions SET active_seconds = MAX (0, unixepoch (finished_at) - unixepoch (started_at))"
  "  WHERE finished_at IS NOT NULL"
  "    AND active_seconds > unixepoch (finished_at) - unixepoch (started_at);"
  "UPDATE sessions SET steps_completed = steps_total WHERE steps_completed > steps_total;"
  "UPDATE sessions SET status = 'stopped'"
  "  WHERE status = 'completed' AND active_seconds * 2 < planned_seconds;"
  "DROP INDEX sessions_counted_by_start;"
  "CREATE INDEX sessions_counted_by_start ON sessions (started_at, feel)"
  "  WHERE " UNKNOT_HISTORY_COUNTS_SQL ";",

  /* 2 → 3: what kind of run a session followed, as "Just ran?" chose it: a run kind
   * id of the routine format's <suits run="…">, or NULL for a session that followed
   * none, which every older row did. */
  "ALTER TABLE sessions ADD COLUMN after_run TEXT"
  "  CHECK (after_run IN ('easy', 'long', 'intervals', 'race', 'trail'));",
};

/* Reads the file's version; a version newer than this build knows is an error, and the
 * file must then be left exactly as it is for the newer Unknot that wrote it. */
gboolean
unknot_history_schema_check (UnknotHistoryDb  *db,
                             int              *version,
                             GError          **error)
{
  gint64 value = 0;

  if (!unknot_history_db_query_int (db, "PRAGMA user_version", &value, error))
    return FALSE;
  *version = (int) value;
  if (value <= UNKNOT_HISTORY_SCHEMA_VERSION)
    return TRUE;

  g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_TOO_NEW,
               /* Translators: %s is the path of the history file; the two numbers are versions of
                * its format */
               _("The history file “%s” was written by a newer version of Unknot (format %d; "
                 "this version reads up to %d). Update Unknot to use it; the file is left "
                 "as it is."),
               unknot_history_db_get_path (db), *version, UNKNOT_HISTORY_SCHEMA_VERSION);
  return FALSE;
}

static gboolean
apply_migrations (UnknotHistoryDb  *db,
                  int               from,
                  GError          **error)
{
  g_autofree char *set_version = NULL;

  for (int version = from; version < UNKNOT_HISTORY_SCHEMA_VERSION; version++)
    if (!unknot_history_db_exec_script (db, migrations[version], error))
      return FALSE;

  /* A PRAGMA takes no parameters; the number is ours, not input. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", UNKNOT_HISTORY_SCHEMA_VERSION);
  return unknot_history_db_exec_script (db, set_version, error);
}

/* Brings the file to UNKNOT_HISTORY_SCHEMA_VERSION in one transaction: a crash or a full
 * disk half-way leaves the old version intact. The version is read again inside the
 * transaction in case another process migrated the file meanwhile. */
gboolean
unknot_history_schema_migrate (UnknotHistoryDb  *db,
                               GError          **error)
{
  int version = 0;

  if (!unknot_history_db_begin (db, error))
    return FALSE;

  if (!unknot_history_schema_check (db, &version, error))
    goto failed;

  if (version < UNKNOT_HISTORY_SCHEMA_VERSION && !apply_migrations (db, version, error))
    goto failed;

  return unknot_history_db_commit (db, error);

failed:
  unknot_history_db_rollback (db);
  return FALSE;
}
