/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "unknot-clock.h"
#include "unknot-cue-event.h"
#include "unknot-routine.h"
#include "unknot-segment.h"

G_BEGIN_DECLS

/* What unknot_session_add_time() adds to the current segment. */
#define UNKNOT_SESSION_ADD_TIME_MS G_GINT64_CONSTANT (15000)
/* Further into a segment than this, unknot_session_previous() restarts it. */
#define UNKNOT_SESSION_RESTART_AFTER_MS G_GINT64_CONSTANT (3000)

typedef enum
{
  UNKNOT_SESSION_READY,    /* built, not started */
  UNKNOT_SESSION_RUNNING,
  UNKNOT_SESSION_PAUSED,
  UNKNOT_SESSION_FINISHED, /* the last segment ended or was skipped */
  UNKNOT_SESSION_STOPPED,  /* the user stopped it before the end */
} UnknotSessionState;

#define UNKNOT_TYPE_SESSION_STATE (unknot_session_state_get_type ())
GType unknot_session_state_get_type (void) G_GNUC_CONST;

#define UNKNOT_TYPE_SESSION (unknot_session_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSession, unknot_session, UNKNOT, SESSION, GObject)

UnknotSession      *unknot_session_new                    (UnknotRoutine *routine,
                                                           UnknotClock   *clock);

UnknotRoutine      *unknot_session_get_routine            (UnknotSession *self);
UnknotClock        *unknot_session_get_clock              (UnknotSession *self);
UnknotSessionState  unknot_session_get_state              (UnknotSession *self);
UnknotSegment      *unknot_session_get_segment            (UnknotSession *self);
guint               unknot_session_get_segment_index      (UnknotSession *self);
guint               unknot_session_get_n_segments         (UnknotSession *self);
UnknotSegment      *unknot_session_get_segment_at         (UnknotSession *self,
                                                           guint          index);
gint64              unknot_session_get_remaining          (UnknotSession *self);
gint64              unknot_session_get_remaining_seconds  (UnknotSession *self);
gint64              unknot_session_get_elapsed            (UnknotSession *self);
gint64              unknot_session_get_total              (UnknotSession *self);
double              unknot_session_get_progress           (UnknotSession *self);
gint64              unknot_session_get_clock_time_at      (UnknotSession *self,
                                                           gint64         position);

double              unknot_session_get_speed              (UnknotSession *self);
void                unknot_session_set_speed              (UnknotSession *self,
                                                           double         speed);
gboolean            unknot_session_get_countdown_ticks    (UnknotSession *self);
void                unknot_session_set_countdown_ticks    (UnknotSession *self,
                                                           gboolean       countdown_ticks);
gint64              unknot_session_get_default_prepare    (UnknotSession *self);
void                unknot_session_set_default_prepare    (UnknotSession *self,
                                                           gint64         ms);
gint64              unknot_session_get_default_switch_gap (UnknotSession *self);
void                unknot_session_set_default_switch_gap (UnknotSession *self,
                                                           gint64         ms);

void                unknot_session_start                  (UnknotSession *self);
void                unknot_session_start_from             (UnknotSession *self,
                                                           guint          index,
                                                           gint64         clock_time);
void                unknot_session_pause                  (UnknotSession *self);
void                unknot_session_resume                 (UnknotSession *self);
void                unknot_session_toggle                 (UnknotSession *self);
void                unknot_session_next                   (UnknotSession *self);
void                unknot_session_previous               (UnknotSession *self);
void                unknot_session_stop                   (UnknotSession *self);
void                unknot_session_add_time               (UnknotSession *self);
gboolean            unknot_session_can_add_time           (UnknotSession *self);

G_END_DECLS
