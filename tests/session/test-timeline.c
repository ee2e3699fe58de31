/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "session-fixtures.h"
#include "unknot-timeline.h"

/* "KIND[NUMBER/SIDE]@START+DURATION" for each segment, in seconds. */
static char *
describe_plan (GPtrArray *segments)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      UnknotSegment *segment = g_ptr_array_index (segments, i);
      const char *kinds[] = { "prepare", "step", "switch", "rest" };

      g_string_append (text, kinds[unknot_segment_get_kind (segment)]);
      if (unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP)
        g_string_append_printf (text, "%u/%s", unknot_segment_get_step_number (segment),
                                unknot_vocabulary_get_id (UNKNOT_VOCABULARY_SIDE,
                                                          unknot_segment_get_side (segment)));
      g_string_append_printf (text, "@%" G_GINT64_FORMAT "+%" G_GINT64_FORMAT " ",
                              unknot_segment_get_start (segment) / 1000,
                              unknot_segment_get_duration (segment) / 1000);
    }
  return g_string_free (text, FALSE);
}

static void
test_plan_mixed (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_load ("mixed.xml");
  g_autoptr (GPtrArray) segments = unknot_timeline_plan (routine, 10000, 5000);
  g_autofree char *plan = describe_plan (segments);
  UnknotSegment *sw;

  /* The file's own prepare (5 s) and switch (3 s, then 0 s: no segment) win. */
  g_assert_cmpstr (plan, ==,
                   "prepare@0+5 step1/left@5+10 switch@15+3 step1/right@18+10 rest@28+5 "
                   "step2/both@33+8 step3/left@41+2 step4/left@43+3 step4/right@46+3 ");
  g_assert_cmpint (unknot_routine_get_total (routine, 10000, 5000), ==, 49000);

  sw = g_ptr_array_index (segments, 2);
  g_assert_true (unknot_segment_get_step (sw) == unknot_routine_get_item (routine, 0));
  g_assert_cmpuint (unknot_segment_get_step_number (sw), ==, 1);
  g_assert_null (unknot_segment_get_step (g_ptr_array_index (segments, 0)));
  g_assert_null (unknot_segment_get_step (g_ptr_array_index (segments, 4)));
}

static void
test_plan_defaults (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_load ("long.xml");
  g_autoptr (GPtrArray) with_defaults = unknot_timeline_plan (routine, 7000, 4000);
  g_autoptr (GPtrArray) without = unknot_timeline_plan (routine, 0, 0);
  g_autofree char *plan = describe_plan (with_defaults);
  g_autofree char *plan_without = describe_plan (without);

  g_assert_cmpstr (plan, ==,
                   "prepare@0+7 step1/left@7+1800 switch@1807+4 step1/right@1811+1800 "
                   "rest@3611+60 step2/both@3671+1200 ");
  /* 0 means no segment at all, not an empty one. */
  g_assert_cmpstr (plan_without, ==,
                   "step1/left@0+1800 step1/right@1800+1800 rest@3600+60 step2/both@3660+1200 ");
}

/* "OFFSET:KIND" per inner cue, OFFSET in ms. */
static char *
describe_inner_cues (UnknotSegment *segment,
                     gboolean       countdown_ticks)
{
  g_autoptr (GArray) cues = unknot_timeline_inner_cues (segment, countdown_ticks);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < cues->len; i++)
    {
      UnknotInnerCue *cue = &g_array_index (cues, UnknotInnerCue, i);

      if (cue->kind == UNKNOT_CUE_EVENT_COUNTDOWN)
        g_string_append_printf (text, "%" G_GINT64_FORMAT ":tick%u ", cue->offset, cue->countdown);
      else
        g_string_append_printf (text, "%" G_GINT64_FORMAT ":'%s' ", cue->offset, cue->text);
    }
  return g_string_free (text, FALSE);
}

static void
test_inner_cues (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_load ("mixed.xml");
  g_autoptr (GPtrArray) segments = unknot_timeline_plan (routine, 10000, 5000);
  static const struct { guint index; gboolean ticks; const char *expected; } cases[] = {
    { 0, TRUE, "2000:tick3 3000:tick2 4000:tick1 " },
    /* Each side repeats the step's cues, counted from that side's start. */
    { 1, TRUE, "4000:'Move to the outer edge' 7000:tick3 8000:tick2 9000:tick1 " },
    { 3, TRUE, "4000:'Move to the outer edge' 7000:tick3 8000:tick2 9000:tick1 " },
    { 1, FALSE, "4000:'Move to the outer edge' " },
    /* The switch gap does not tick. */
    { 2, TRUE, "" },
    /* A step cue on the same instant as a tick comes first. */
    { 5, TRUE, "5000:tick3 6000:'Slower now' 6000:tick2 7000:tick1 " },
    /* Only ticks after the start: 2 s ticks "1", 3 s ticks "2" and "1". */
    { 6, TRUE, "1000:tick1 " },
    { 7, TRUE, "1000:tick2 2000:tick1 " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = describe_inner_cues (g_ptr_array_index (segments, cases[i].index),
                                                   cases[i].ticks);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_add_time_equal_sides (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_load ("mixed.xml");
  g_autoptr (GPtrArray) segments = unknot_timeline_plan (routine, 10000, 5000);
  UnknotSegment *before = g_object_ref (g_ptr_array_index (segments, 1));
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *rest = NULL;

  /* The left side grows, and so does the right; the gap between them does not. */
  unknot_timeline_add_time (segments, 1, 15000);
  left = describe_plan (segments);
  g_assert_cmpstr (left, ==,
                   "prepare@0+5 step1/left@5+25 switch@30+3 step1/right@33+25 rest@58+5 "
                   "step2/both@63+8 step3/left@71+2 step4/left@73+3 step4/right@76+3 ");
  /* A segment handed out earlier is not changed: a retimed copy took its place. */
  g_assert_cmpint (unknot_segment_get_duration (before), ==, 10000);
  g_assert_false (before == g_ptr_array_index (segments, 1));
  g_object_unref (before);

  /* On the right side only the right side grows. */
  unknot_timeline_add_time (segments, 3, 15000);
  right = describe_plan (segments);
  g_assert_cmpstr (right, ==,
                   "prepare@0+5 step1/left@5+25 switch@30+3 step1/right@33+40 rest@73+5 "
                   "step2/both@78+8 step3/left@86+2 step4/left@88+3 step4/right@91+3 ");

  /* A left-only step is not a side of "each": nothing else grows. */
  unknot_timeline_add_time (segments, 6, 15000);
  rest = describe_plan (segments);
  g_assert_cmpstr (rest, ==,
                   "prepare@0+5 step1/left@5+25 switch@30+3 step1/right@33+40 rest@73+5 "
                   "step2/both@78+8 step3/left@86+17 step4/left@103+3 step4/right@106+3 ");
}

static void
test_segment_predicates_and_describe (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_load ("mixed.xml");
  g_autoptr (GPtrArray) segments = unknot_timeline_plan (routine, 10000, 5000);
  static const struct { guint index; gboolean first_side; gboolean ends_step;
                        const char *text; } cases[] = {
    { 0, FALSE, FALSE, "Get ready" },
    { 1, TRUE, FALSE, "Left side · Calves · Petrissage" },
    { 2, FALSE, FALSE, "Switch sides · Calves" },
    { 3, FALSE, TRUE, "Right side · Calves · Petrissage" },
    { 4, FALSE, FALSE, "Rest" },
    { 5, FALSE, TRUE, "Hamstrings · Rolling" },
    { 6, FALSE, TRUE, "Left side · Hips · Compression" },
    { 7, TRUE, FALSE, "Left side · Feet · Friction" },
    { 8, FALSE, TRUE, "Right side · Feet · Friction" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      UnknotSegment *segment = g_ptr_array_index (segments, cases[i].index);
      g_autofree char *text = unknot_segment_describe (segment);

      g_assert_cmpint (unknot_segment_is_first_side (segment), ==, cases[i].first_side);
      g_assert_cmpint (unknot_segment_ends_step (segment), ==, cases[i].ends_step);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/plan/mixed", test_plan_mixed);
  g_test_add_func ("/timeline/plan/defaults", test_plan_defaults);
  g_test_add_func ("/timeline/inner-cues", test_inner_cues);
  g_test_add_func ("/timeline/add-time/equal-sides", test_add_time_equal_sides);
  g_test_add_func ("/timeline/segment/describe", test_segment_predicates_and_describe);

  return g_test_run ();
}
