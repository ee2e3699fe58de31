/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-clock.h"
#include "unknot-session.h"
#include "unknot-session-emitter.h"
#include "unknot-timeline-cursor.h"

G_BEGIN_DECLS

/* UnknotSession's state machine on its clock. Internal to src/session/: the session
 * checks what it is given, and the machine does it. */
typedef struct _UnknotSessionMachine UnknotSessionMachine;

UnknotSessionMachine *unknot_session_machine_new                 (UnknotTimelineCursor *cursor,
                                                                  UnknotSessionEmitter *emitter);
void                  unknot_session_machine_free                (UnknotSessionMachine *self);
void                  unknot_session_machine_stop_waking         (UnknotSessionMachine *self);
void                  unknot_session_machine_set_clock           (UnknotSessionMachine *self,
                                                                  UnknotClock          *clock);
UnknotClock          *unknot_session_machine_get_clock           (UnknotSessionMachine *self);
void                  unknot_session_machine_plan_made           (UnknotSessionMachine *self);

UnknotSessionState    unknot_session_machine_get_state           (UnknotSessionMachine *self);
gint64                unknot_session_machine_get_remaining       (UnknotSessionMachine *self);
gint64                unknot_session_machine_get_active          (UnknotSessionMachine *self);
double                unknot_session_machine_get_progress        (UnknotSessionMachine *self);
gint64                unknot_session_machine_get_clock_time_at   (UnknotSessionMachine *self,
                                                                  gint64                position);
double                unknot_session_machine_get_speed           (UnknotSessionMachine *self);
void                  unknot_session_machine_set_speed           (UnknotSessionMachine *self,
                                                                  double                speed);
void                  unknot_session_machine_set_countdown_ticks (UnknotSessionMachine *self,
                                                                  gboolean              ticks);

void                  unknot_session_machine_start_from          (UnknotSessionMachine *self,
                                                                  guint                 index,
                                                                  gint64                start);
void                  unknot_session_machine_pause               (UnknotSessionMachine *self);
void                  unknot_session_machine_resume              (UnknotSessionMachine *self);
void                  unknot_session_machine_toggle              (UnknotSessionMachine *self);
void                  unknot_session_machine_next                (UnknotSessionMachine *self);
void                  unknot_session_machine_previous            (UnknotSessionMachine *self);
void                  unknot_session_machine_stop                (UnknotSessionMachine *self);
void                  unknot_session_machine_add_time            (UnknotSessionMachine *self);
gboolean              unknot_session_machine_can_add_time        (UnknotSessionMachine *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotSessionMachine, unknot_session_machine_free)

G_END_DECLS
