/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-history.h"
#include "unknot-session.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SESSION_RECORDER (unknot_session_recorder_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSessionRecorder, unknot_session_recorder, UNKNOT, SESSION_RECORDER,
                      GObject)

UnknotSessionRecorder *unknot_session_recorder_new            (UnknotHistory         *history,
                                                               UnknotSession         *session);
void                   unknot_session_recorder_set_after_run  (UnknotSessionRecorder *self,
                                                               UnknotRunKind          kind);
gint64                 unknot_session_recorder_get_session_id (UnknotSessionRecorder *self);
gboolean               unknot_session_recorder_is_recorded    (UnknotSessionRecorder *self);
guint                  unknot_session_recorder_get_n_steps    (UnknotSessionRecorder *self);
guint32                unknot_session_recorder_get_regions    (UnknotSessionRecorder *self);
UnknotHistoryStatus    unknot_session_recorder_get_status     (UnknotSessionRecorder *self);

G_END_DECLS
