/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-segment.h"
#include "unknot-session-emitter.h"

G_BEGIN_DECLS

/* How the session leaves a segment: only ENDED counts as done; ENDED and SKIPPED give
 * the end cues, since the user still needs to hear "switch sides". */
typedef enum
{
  UNKNOT_LEAVE_ENDED,
  UNKNOT_LEAVE_SKIPPED,
  UNKNOT_LEAVE_ABANDONED,
} UnknotLeaveReason;

/* Where a session is in its plan of segments, and which cues it has given: positions
 * are routine µs from the start. Internal to src/session/. */
typedef struct _UnknotTimelineCursor UnknotTimelineCursor;

UnknotTimelineCursor *unknot_timeline_cursor_new                 (UnknotSessionEmitter *emitter);
void                  unknot_timeline_cursor_free                (UnknotTimelineCursor *self);

void                  unknot_timeline_cursor_set_plan            (UnknotTimelineCursor *self,
                                                                  GPtrArray            *segments);
gboolean              unknot_timeline_cursor_has_plan            (UnknotTimelineCursor *self);
guint                 unknot_timeline_cursor_get_n_segments      (UnknotTimelineCursor *self);
UnknotSegment        *unknot_timeline_cursor_get_segment_at      (UnknotTimelineCursor *self,
                                                                  guint                 index);
UnknotSegment        *unknot_timeline_cursor_get_segment         (UnknotTimelineCursor *self);
guint                 unknot_timeline_cursor_get_index           (UnknotTimelineCursor *self);
gboolean              unknot_timeline_cursor_has_next            (UnknotTimelineCursor *self);
gint64                unknot_timeline_cursor_get_total           (UnknotTimelineCursor *self);
gint64                unknot_timeline_cursor_get_start           (UnknotTimelineCursor *self,
                                                                  guint                 index);
gint64                unknot_timeline_cursor_get_end             (UnknotTimelineCursor *self);
guint                 unknot_timeline_cursor_next_step_index     (UnknotTimelineCursor *self);
gboolean              unknot_timeline_cursor_previous_step_index (UnknotTimelineCursor *self,
                                                                  guint                *index);

gint64                unknot_timeline_cursor_get_delivered       (UnknotTimelineCursor *self);
void                  unknot_timeline_cursor_set_delivered       (UnknotTimelineCursor *self,
                                                                  gint64                position);
gint64                unknot_timeline_cursor_get_entry_active    (UnknotTimelineCursor *self);
gboolean              unknot_timeline_cursor_get_countdown_ticks (UnknotTimelineCursor *self);
void                  unknot_timeline_cursor_set_countdown_ticks (UnknotTimelineCursor *self,
                                                                  gboolean              ticks);
void                  unknot_timeline_cursor_reload_inner_cues   (UnknotTimelineCursor *self);

void                  unknot_timeline_cursor_enter               (UnknotTimelineCursor *self,
                                                                  guint                 index,
                                                                  gint64                active);
void                  unknot_timeline_cursor_leave               (UnknotTimelineCursor *self,
                                                                  UnknotLeaveReason     reason,
                                                                  gint64                active);
void                  unknot_timeline_cursor_queue_cue           (UnknotTimelineCursor *self,
                                                                  UnknotCueEventKind    kind);
gboolean              unknot_timeline_cursor_run_to              (UnknotTimelineCursor *self,
                                                                  gint64                position);
gint64                unknot_timeline_cursor_next_wake           (UnknotTimelineCursor *self);
void                  unknot_timeline_cursor_add_time            (UnknotTimelineCursor *self,
                                                                  gint64                ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotTimelineCursor, unknot_timeline_cursor_free)

G_END_DECLS
