/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-history-db.h"
#include "unknot-history-session.h"
#include "unknot-routine.h"

G_BEGIN_DECLS

/* One function per SQL statement on the sessions of the history. Internal to
 * src/history/. */

gint64                unknot_history_sql_insert_session (UnknotHistoryDb      *db,
                                                         UnknotRoutine        *routine,
                                                         gint64                planned_ms,
                                                         guint                 steps_total,
                                                         GDateTime            *started_at,
                                                         GError              **error);
gboolean              unknot_history_sql_add_step       (UnknotHistoryDb      *db,
                                                         gint64                session_id,
                                                         const char           *ids[3],
                                                         guint                 seconds,
                                                         gint64                active_ms,
                                                         GError              **error);
gboolean              unknot_history_sql_close_session  (UnknotHistoryDb      *db,
                                                         gint64                session_id,
                                                         UnknotHistoryStatus   status,
                                                         gint64                active_ms,
                                                         GDateTime            *finished_at,
                                                         GError              **error);
gboolean              unknot_history_sql_set_feedback   (UnknotHistoryDb      *db,
                                                         gint64                session_id,
                                                         guint                 feel,
                                                         const char           *note,
                                                         GError              **error);
gboolean              unknot_history_sql_set_after_run  (UnknotHistoryDb      *db,
                                                         gint64                session_id,
                                                         const char           *run_kind,
                                                         GError              **error);
UnknotHistorySession *unknot_history_sql_read_session   (UnknotHistoryDb      *db,
                                                         gint64                session_id,
                                                         GError              **error);
GPtrArray            *unknot_history_sql_list_sessions  (UnknotHistoryDb      *db,
                                                         guint                 offset,
                                                         guint                 limit,
                                                         GError              **error);
gboolean              unknot_history_sql_delete_session (UnknotHistoryDb      *db,
                                                         gint64                session_id,
                                                         GError              **error);

G_END_DECLS
