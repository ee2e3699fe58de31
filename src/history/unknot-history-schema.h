/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-history-db.h"

G_BEGIN_DECLS

/* The newest schema this build knows, as kept in PRAGMA user_version. */
#define UNKNOT_HISTORY_SCHEMA_VERSION 3

/* Which sessions count toward the weekly goal, streaks, the calendar and the charts:
 * those that ended (completed, stopped or interrupted) with at least half their planned
 * time really spent on the routine, pauses left out. Pressing Start and then Stop, or
 * skipping through a routine, is not a massage. A session still in progress does not
 * count until it ends. unknot_history_session_counts() is the same rule in C; a test
 * checks that they agree. The text is also the condition of a partial index, which
 * SQLite uses only when a query repeats it word for word. */
#define UNKNOT_HISTORY_COUNTS_SQL \
  "(status <> 'in-progress' AND active_seconds * 2 >= planned_seconds)"

gboolean unknot_history_schema_check       (UnknotHistoryDb  *db,
                                            int              *version,
                                            GError          **error);
gboolean unknot_history_schema_migrate     (UnknotHistoryDb  *db,
                                            GError          **error);

G_END_DECLS
