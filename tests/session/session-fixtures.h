/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-fake-clock.h"
#include "unknot-routine-parser.h"
#include "unknot-session.h"

G_BEGIN_DECLS

/* Helpers shared by the session tests. */

UnknotRoutine *session_fixture_load   (const char *name);
UnknotRoutine *session_fixture_parse  (const char *xml);

/* A session on a fake clock that writes down every signal it emits. */
typedef struct
{
  UnknotFakeClock *clock;
  UnknotSession *session;
  gint64 start;          /* clock µs when the fixture was made */
  GPtrArray *cues;       /* of char *, see session_recorder_format_cue() */
  GPtrArray *finished;   /* of char *: "KIND/SIDE ACTIVE_MS completed|left" */
  gboolean check_offsets; /* whether each cue's offset must equal the clock's */
  gboolean log_offsets;   /* log each cue's offset, not the clock's time */
} SessionRecorder;

SessionRecorder *session_recorder_new      (UnknotRoutine   *routine);
void             session_recorder_free     (SessionRecorder *self);
gint64           session_recorder_now      (SessionRecorder *self);
char            *session_recorder_take_log (SessionRecorder *self);
void             session_recorder_run      (SessionRecorder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SessionRecorder, session_recorder_free)

G_END_DECLS
