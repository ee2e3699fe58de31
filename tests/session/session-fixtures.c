/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "session-fixtures.h"

#include <string.h>

UnknotRoutine *
session_fixture_load (const char *name)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "session", "routines", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;

  routine = unknot_routine_parser_load_file (parser, file, name, NULL, &error);
  g_assert_no_error (error);
  return routine;
}

/* A routine from a string, so a test can show its routine next to its expectations. */
UnknotRoutine *
session_fixture_parse (const char *xml)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;

  routine = unknot_routine_parser_load_bytes (parser, bytes, NULL, "test.xml", NULL, &error);
  g_assert_no_error (error);
  return routine;
}

static const char *
nick (GType  enum_type,
      int    value)
{
  g_autoptr (GEnumClass) enum_class = g_type_class_ref (enum_type);
  return g_enum_get_value (enum_class, value)->value_nick;
}

/* "step/left", "switch", "rest": kind and side, enough to tell segments apart. */
static char *
name_segment (UnknotSegment *segment)
{
  const char *kind = nick (UNKNOT_TYPE_SEGMENT_KIND, unknot_segment_get_kind (segment));

  if (unknot_segment_get_kind (segment) != UNKNOT_SEGMENT_STEP)
    return g_strdup (kind);
  return g_strdup_printf ("%s%u/%s", kind, unknot_segment_get_step_number (segment),
                          unknot_vocabulary_get_id (UNKNOT_VOCABULARY_SIDE,
                                                    unknot_segment_get_side (segment)));
}

/* "MS KIND DETAIL": when it came (ms since the fixture was made, or with log_offsets the
 * cue's own offset), the cue kind's nick, then the segment for starts and ends, the
 * number for ticks, the text for step cues. */
static char *
format_cue (SessionRecorder *self,
            UnknotCueEvent  *event)
{
  g_autofree char *segment = name_segment (unknot_cue_event_get_segment (event));
  UnknotCueEventKind kind = unknot_cue_event_get_kind (event);
  g_autofree char *detail = NULL;

  if (kind == UNKNOT_CUE_EVENT_COUNTDOWN)
    detail = g_strdup_printf ("%u", unknot_cue_event_get_countdown (event));
  else if (kind == UNKNOT_CUE_EVENT_STEP_CUE)
    detail = g_strdup (unknot_cue_event_get_text (event));
  else
    detail = g_strdup (segment);

  return g_strdup_printf ("%" G_GINT64_FORMAT " %s %s",
                          self->log_offsets ? unknot_cue_event_get_offset (event)
                                            : session_recorder_now (self),
                          nick (UNKNOT_TYPE_CUE_EVENT_KIND, kind), detail);
}

static void
on_cue (UnknotSession   *session,
        UnknotCueEvent  *event,
        SessionRecorder *self)
{
  if (self->check_offsets)
    g_assert_cmpint (unknot_cue_event_get_offset (event), ==, session_recorder_now (self));
  g_ptr_array_add (self->cues, format_cue (self, event));
}

static void
on_segment_finished (UnknotSession   *session,
                     UnknotSegment   *segment,
                     gint64           active_ms,
                     gboolean         completed,
                     SessionRecorder *self)
{
  g_autofree char *name = name_segment (segment);

  g_ptr_array_add (self->finished,
                   g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", name, active_ms,
                                    completed ? "completed" : "left"));
}

SessionRecorder *
session_recorder_new (UnknotRoutine *routine)
{
  SessionRecorder *self = g_new0 (SessionRecorder, 1);

  self->clock = unknot_fake_clock_new ();
  self->session = unknot_session_new (routine, UNKNOT_CLOCK (self->clock));
  self->start = unknot_clock_get_time (UNKNOT_CLOCK (self->clock));
  self->cues = g_ptr_array_new_with_free_func (g_free);
  self->finished = g_ptr_array_new_with_free_func (g_free);
  self->check_offsets = TRUE;
  g_signal_connect (self->session, "cue", G_CALLBACK (on_cue), self);
  g_signal_connect (self->session, "segment-finished", G_CALLBACK (on_segment_finished), self);
  return self;
}

void
session_recorder_free (SessionRecorder *self)
{
  g_signal_handlers_disconnect_by_data (self->session, self);
  g_object_unref (self->session);
  g_object_unref (self->clock);
  g_ptr_array_unref (self->cues);
  g_ptr_array_unref (self->finished);
  g_free (self);
}

/* Clock ms since the fixture was made. */
gint64
session_recorder_now (SessionRecorder *self)
{
  return (unknot_clock_get_time (UNKNOT_CLOCK (self->clock)) - self->start) / 1000;
}

/* The cues so far, one a line, and forgets them. */
char *
session_recorder_take_log (SessionRecorder *self)
{
  GString *log = g_string_new (NULL);

  for (guint i = 0; i < self->cues->len; i++)
    g_string_append_printf (log, "%s\n", (char *) g_ptr_array_index (self->cues, i));
  g_ptr_array_set_size (self->cues, 0);
  return g_string_free (log, FALSE);
}

/* Runs the session until nothing is left to fire. */
void
session_recorder_run (SessionRecorder *self)
{
  while (unknot_fake_clock_run_next (self->clock))
    ;
}
