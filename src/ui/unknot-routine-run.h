/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-history.h"
#include "unknot-session.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_RUN (unknot_routine_run_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRoutineRun, unknot_routine_run, UNKNOT, ROUTINE_RUN, GObject)

UnknotRoutineRun *unknot_routine_run_new            (GtkApplication   *application,
                                                     GtkWindow        *window,
                                                     UnknotRoutine    *routine,
                                                     UnknotHistory    *history,
                                                     GSettings        *settings,
                                                     double            speed);
UnknotSession    *unknot_routine_run_get_session    (UnknotRoutineRun *self);
void              unknot_routine_run_start          (UnknotRoutineRun *self);
gboolean          unknot_routine_run_is_active      (UnknotRoutineRun *self);
gint64            unknot_routine_run_get_history_id (UnknotRoutineRun *self);
gboolean          unknot_routine_run_is_recorded    (UnknotRoutineRun *self);
guint             unknot_routine_run_get_n_steps    (UnknotRoutineRun *self);
guint32           unknot_routine_run_get_regions    (UnknotRoutineRun *self);
gboolean          unknot_routine_run_is_inhibiting  (UnknotRoutineRun *self);

G_END_DECLS
