/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-cue-player.h"
#include "unknot-history.h"
#include "unknot-session.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_RUN (unknot_run_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRun, unknot_run, UNKNOT, RUN, GObject)

UnknotRun     *unknot_run_new             (UnknotRoutine    *routine,
                                           UnknotHistory    *history,
                                           UnknotCuePlayer  *cue_player,
                                           GSettings        *settings,
                                           double            speed);
UnknotRoutine *unknot_run_get_routine     (UnknotRun        *self);
UnknotSession *unknot_run_get_session     (UnknotRun        *self);
void           unknot_run_start           (UnknotRun        *self);
void           unknot_run_start_at        (UnknotRun        *self,
                                           guint             item);
void           unknot_run_stop            (UnknotRun        *self);
gboolean       unknot_run_get_active      (UnknotRun        *self);
gboolean       unknot_run_get_ended       (UnknotRun        *self);
gboolean       unknot_run_get_preview     (UnknotRun        *self);

gboolean       unknot_run_get_completed   (UnknotRun        *self);
gint64         unknot_run_get_active_ms   (UnknotRun        *self);
guint          unknot_run_get_steps_done  (UnknotRun        *self);
guint32        unknot_run_get_regions     (UnknotRun        *self);
gboolean       unknot_run_get_recorded    (UnknotRun        *self);
gint64         unknot_run_get_history_id  (UnknotRun        *self);
void           unknot_run_set_after_run   (UnknotRun        *self,
                                           UnknotRunKind     kind);
guint          unknot_run_get_rating      (UnknotRun        *self);
gboolean       unknot_run_set_rating      (UnknotRun        *self,
                                           guint             rating,
                                           GError          **error);

G_END_DECLS
