/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-history-db.h"
#include "unknot-history-session.h"

G_BEGIN_DECLS

/* Between table rows and UnknotHistorySession. Internal to src/history/. */

/* The columns unknot_history_rows_read_session() expects, in this order. */
#define UNKNOT_HISTORY_SESSION_COLUMNS \
  "id, routine_id, routine_name, routine_checksum, started_at, finished_at, planned_seconds, " \
  "active_seconds, steps_completed, steps_total, status, feel, note, after_run"

UnknotHistorySession *unknot_history_rows_read_session   (sqlite3_stmt               *statement);
gboolean              unknot_history_rows_load_steps     (UnknotHistoryDb            *db,
                                                          UnknotHistorySession       *session,
                                                          GError                    **error);
gboolean              unknot_history_rows_insert_session (UnknotHistoryDb            *db,
                                                          const UnknotHistorySession *session,
                                                          GError                    **error);

G_END_DECLS
