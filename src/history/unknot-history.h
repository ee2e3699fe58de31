/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-history-error.h"
#include "unknot-history-session.h"
#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_HISTORY (unknot_history_get_type ())
G_DECLARE_FINAL_TYPE (UnknotHistory, unknot_history, UNKNOT, HISTORY, GObject)

char                 *unknot_history_get_default_path    (void);
UnknotHistory        *unknot_history_new                 (const char                 *path,
                                                          GError                    **error);
UnknotHistory        *unknot_history_new_for_reading     (const char                 *path,
                                                          GError                    **error);
const char           *unknot_history_get_path            (UnknotHistory              *self);
gboolean              unknot_history_get_read_only       (UnknotHistory              *self);
const char           *unknot_history_get_kept_aside_path (UnknotHistory              *self);

gint64                unknot_history_begin               (UnknotHistory              *self,
                                                          UnknotRoutine              *routine,
                                                          gint64                      planned_ms,
                                                          guint                       steps_total,
                                                          GDateTime                  *started_at,
                                                          GError                    **error);
gboolean              unknot_history_record_step         (UnknotHistory              *self,
                                                          gint64                      session_id,
                                                          UnknotRegion                region,
                                                          UnknotTechnique             technique,
                                                          UnknotSide                  side,
                                                          guint                       seconds,
                                                          gint64                      active_ms,
                                                          GError                    **error);
gboolean              unknot_history_finish              (UnknotHistory              *self,
                                                          gint64                      session_id,
                                                          UnknotHistoryStatus         status,
                                                          gint64                      active_ms,
                                                          GDateTime                  *finished_at,
                                                          GError                    **error);
gboolean              unknot_history_set_feedback        (UnknotHistory              *self,
                                                          gint64                      session_id,
                                                          guint                       feel,
                                                          const char                 *note,
                                                          GError                    **error);

gboolean              unknot_history_set_after_run       (UnknotHistory              *self,
                                                          gint64                      session_id,
                                                          UnknotRunKind               kind,
                                                          GError                    **error);
UnknotHistorySession *unknot_history_get_session         (UnknotHistory              *self,
                                                          gint64                      session_id,
                                                          GError                    **error);
GPtrArray            *unknot_history_list_sessions       (UnknotHistory              *self,
                                                          guint                       offset,
                                                          guint                       limit,
                                                          GError                    **error);
UnknotHistorySession *unknot_history_delete_session      (UnknotHistory              *self,
                                                          gint64                      session_id,
                                                          GError                    **error);
gboolean              unknot_history_restore_session     (UnknotHistory              *self,
                                                          const UnknotHistorySession *session,
                                                          GError                    **error);

G_END_DECLS
