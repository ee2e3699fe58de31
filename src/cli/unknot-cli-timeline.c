/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "unknot-cli.h"
#include "unknot-duration.h"
#include "unknot-fake-clock.h"
#include "unknot-routine-parser.h"
#include "unknot-session.h"

/* unknot --timeline FILE…: what a session of the routine does and when, one line per
 * cue, for authors. It runs the real UnknotSession on a fake clock, so it shows exactly
 * what the app does, not a second calculation that could drift from it.
 *
 * The lines are a fixed, untranslated form that scripts and tests may read:
 *
 *     0:10.000  segment    step 1 · left · calves · petrissage · 0:45  "Knead the calf"
 *     0:30.000  cue        "Move to the outer edge of the calf"
 *     0:52.000  countdown  3
 *
 * the offset from the start (M:SS.mmm, H:MM:SS.mmm past an hour, right-aligned), the
 * kind of cue, and what it is about, with vocabulary ids as in the file; last a line
 * "total: M:SS". */

#define SETTINGS_SCHEMA_ID "io.github.unknot.Unknot"

typedef struct
{
  gint64 offset; /* ms from the start */
  const char *kind;
  char *details;
} TimelineLine;

typedef struct
{
  UnknotClock *clock;
  gint64 start;  /* clock µs */
  GArray *lines; /* of TimelineLine */
} Recording;

static void
timeline_line_clear (gpointer data)
{
  TimelineLine *line = data;
  g_free (line->details);
}

/* Uses the user's defaults for what the file leaves open, like the app, where the
 * settings schema is installed; the built-in defaults otherwise. */
static void
apply_user_settings (UnknotSession *session)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;

  if (source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new_full (schema, NULL, NULL);
  unknot_session_set_default_prepare (session, UNKNOT_MS_PER_SECOND *
                                      g_settings_get_int (settings, "prepare-time"));
  unknot_session_set_default_switch_gap (session, UNKNOT_MS_PER_SECOND *
                                         g_settings_get_int (settings, "switch-gap"));
  unknot_session_set_countdown_ticks (session,
                                      g_settings_get_boolean (settings, "countdown-ticks"));
}

/* Quotes routine text so that it stays on one line and its end is plain to see. */
static char *
quote (const char *text)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, (guchar) *p < 0x20 ? ' ' : *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

static const char *
vocabulary_id (UnknotVocabulary vocabulary,
               guint            term)
{
  return unknot_vocabulary_get_id (vocabulary, term);
}

static char *
describe_step_segment (UnknotSegment *segment,
                       const char    *duration)
{
  UnknotStep *step = unknot_segment_get_step (segment);
  g_autofree char *title = quote (unknot_step_get_title (step));

  return g_strdup_printf ("step %u · %s · %s · %s · %s  %s",
                          unknot_segment_get_step_number (segment),
                          vocabulary_id (UNKNOT_VOCABULARY_SIDE, unknot_segment_get_side (segment)),
                          vocabulary_id (UNKNOT_VOCABULARY_REGION, unknot_step_get_region (step)),
                          vocabulary_id (UNKNOT_VOCABULARY_TECHNIQUE,
                                         unknot_step_get_technique (step)),
                          duration, title);
}

static char *
describe_segment (UnknotSegment *segment)
{
  g_autofree char *duration =
    unknot_duration_format_clock (unknot_segment_get_duration (segment));

  switch (unknot_segment_get_kind (segment))
    {
    case UNKNOT_SEGMENT_PREPARE:
      return g_strdup_printf ("prepare · %s", duration);
    case UNKNOT_SEGMENT_STEP:
      return describe_step_segment (segment, duration);
    case UNKNOT_SEGMENT_SWITCH:
      return g_strdup_printf ("switch · step %u · %s", unknot_segment_get_step_number (segment),
                              duration);
    case UNKNOT_SEGMENT_REST:
      return g_strdup_printf ("rest · %s", duration);
    default:
      g_assert_not_reached ();
    }
}

/* The kind column and the details of one cue. */
static const char *
describe_cue (UnknotCueEvent  *event,
              char           **details)
{
  guint step_number = unknot_segment_get_step_number (unknot_cue_event_get_segment (event));

  switch (unknot_cue_event_get_kind (event))
    {
    case UNKNOT_CUE_EVENT_SEGMENT_START:
      *details = describe_segment (unknot_cue_event_get_segment (event));
      return "segment";
    case UNKNOT_CUE_EVENT_COUNTDOWN:
      *details = g_strdup_printf ("%u", unknot_cue_event_get_countdown (event));
      return "countdown";
    case UNKNOT_CUE_EVENT_SWITCH_SIDES:
      *details = g_strdup_printf ("step %u · left → right", step_number);
      return "switch";
    case UNKNOT_CUE_EVENT_STEP_CUE:
      *details = quote (unknot_cue_event_get_text (event));
      return "cue";
    case UNKNOT_CUE_EVENT_STEP_END:
      *details = g_strdup_printf ("step %u", step_number);
      return "step-end";
    case UNKNOT_CUE_EVENT_ROUTINE_COMPLETE:
      *details = g_strdup ("");
      return "complete";
    default:
      g_assert_not_reached ();
    }
}

/* The offset is read from the clock when the cue arrives: what the app would do. */
static void
on_cue (UnknotSession  *session,
        UnknotCueEvent *event,
        Recording      *recording)
{
  TimelineLine line;

  line.offset = (unknot_clock_get_time (recording->clock) - recording->start) / 1000;
  line.kind = describe_cue (event, &line.details);
  g_array_append_val (recording->lines, line);
}

static char *
format_offset (gint64 ms)
{
  g_autofree char *clock = unknot_duration_format_clock (ms);
  return g_strdup_printf ("%s.%03d", clock, (int) (ms % UNKNOT_MS_PER_SECOND));
}

static void
print_lines (GArray *lines,
             FILE   *out)
{
  g_autoptr (GPtrArray) offsets = g_ptr_array_new_with_free_func (g_free);
  int width = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      char *offset = format_offset (g_array_index (lines, TimelineLine, i).offset);

      width = MAX (width, (int) strlen (offset));
      g_ptr_array_add (offsets, offset);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      TimelineLine *line = &g_array_index (lines, TimelineLine, i);
      g_autofree char *text = g_strdup_printf ("%*s  %-9s  %s", width,
                                               (char *) g_ptr_array_index (offsets, i),
                                               line->kind, line->details);

      fprintf (out, "%s\n", g_strchomp (text));
    }
}

static UnknotRoutine *
load_routine (const char *path,
              FILE       *err)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();

  return unknot_cli_load_routine_file (parser, path, err);
}

/* Runs @session to its end on @clock, recording each cue. */
static gboolean
run_session (UnknotSession   *session,
             UnknotFakeClock *clock,
             Recording       *recording)
{
  recording->clock = UNKNOT_CLOCK (clock);
  recording->start = unknot_clock_get_time (recording->clock);
  g_signal_connect (session, "cue", G_CALLBACK (on_cue), recording);

  unknot_session_start (session);
  while (unknot_session_get_state (session) == UNKNOT_SESSION_RUNNING &&
         unknot_fake_clock_run_next (clock))
    ;
  return unknot_session_get_state (session) == UNKNOT_SESSION_FINISHED;
}

/* One routine's timeline: exit status 0, or 1 if the file cannot be run. */
static int
print_timeline (const char *path,
                FILE       *out,
                FILE       *err)
{
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (UnknotFakeClock) clock = NULL;
  g_autoptr (UnknotSession) session = NULL;
  g_autoptr (GArray) lines = NULL;
  g_autofree char *total = NULL;
  Recording recording = { 0 };

  routine = load_routine (path, err);
  if (routine == NULL)
    return 1;

  clock = unknot_fake_clock_new ();
  session = unknot_session_new (routine, UNKNOT_CLOCK (clock));
  apply_user_settings (session);
  lines = g_array_new (FALSE, FALSE, sizeof (TimelineLine));
  g_array_set_clear_func (lines, timeline_line_clear);
  recording.lines = lines;

  if (!run_session (session, clock, &recording))
    {
      fprintf (err, "%s: %s\n", path, _("the session stopped before the end of the routine"));
      return 1;
    }

  print_lines (lines, out);
  total = unknot_duration_format_clock ((unknot_clock_get_time (UNKNOT_CLOCK (clock)) -
                                         recording.start) / 1000);
  fprintf (out, "total: %s\n", total);
  return 0;
}

/* unknot --timeline FILE [FILE…]: exit status 0, or 1 if any file cannot be run. Several
 * files are printed one after the other, each under a line "==> FILE <==" and apart by
 * an empty line, as head(1) and tail(1) do, so that none is left out unseen. */
int
unknot_cli_timeline (const char        *path,
                     const char *const *more,
                     FILE              *out,
                     FILE              *err)
{
  int status;

  g_return_val_if_fail (path != NULL, 1);

  if (more == NULL || more[0] == NULL)
    return print_timeline (path, out, err);

  fprintf (out, "==> %s <==\n", path);
  status = print_timeline (path, out, err);
  for (guint i = 0; more[i] != NULL; i++)
    {
      fprintf (out, "\n==> %s <==\n", more[i]);
      status |= print_timeline (more[i], out, err);
    }
  return status;
}
