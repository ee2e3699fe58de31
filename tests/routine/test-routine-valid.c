/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "routine-fixtures.h"
#include "unknot-routine-parser.h"
#include "unknot-test-utils.h"

/* The files in fixtures/valid/ load, and into exactly the model they describe. */

#define BIT(n) (1u << (n))

static UnknotRoutine *
load_valid (const char *name)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) file = routine_fixture_file ("valid", name);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;

  /* The user's languages are "C" in the tests, so the untranslated texts are chosen;
   * strict about media, as the validator is, so missing files show up here. */
  unknot_routine_parser_set_missing_media_is_error (parser, TRUE);
  routine = unknot_routine_parser_load_file (parser, file, name, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (routine);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (unknot_routine_get_warnings (routine)->len, ==, 0);
  g_assert_true (g_file_equal (unknot_routine_get_file (routine), file));
  return routine;
}

static void
assert_file (GFile      *file,
             const char *relative)
{
  g_autofree char *expected = routine_fixture_path ("valid", relative);
  g_autofree char *path = NULL;

  g_assert_nonnull (file);
  path = g_file_get_path (file);
  g_assert_cmpstr (path, ==, expected);
}

static void
assert_cue (UnknotStep *step,
            guint       index,
            gint64      at,
            const char *text)
{
  UnknotCue *cue = unknot_step_get_cue (step, index);

  g_assert_cmpint (unknot_cue_get_at (cue), ==, at);
  g_assert_cmpstr (unknot_cue_get_text (cue), ==, text);
}

static void
assert_rest (UnknotRoutine *routine,
             guint          index,
             gint64         duration,
             guint          line)
{
  UnknotStep *rest = unknot_routine_get_item (routine, index);

  g_assert_cmpint (unknot_step_get_kind (rest), ==, UNKNOT_STEP_KIND_REST);
  g_assert_cmpint (unknot_step_get_duration (rest), ==, duration);
  g_assert_cmpuint (unknot_step_get_line (rest), ==, line);
  g_assert_cmpint (unknot_step_get_total (rest, 5000), ==, duration);
}

static void
test_full (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("full.xml");
  UnknotStep *step;

  g_assert_cmpstr (unknot_routine_get_id (routine), ==, "full-routine");
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, "Post-run recovery");
  g_assert_cmpstr (unknot_routine_get_description (routine), ==,
                   "Three and a half minutes for the legs after an easy or long run.");
  g_assert_cmpstr (unknot_routine_get_author (routine), ==, "Jane Doe, LMT");
  g_assert_cmpstr (unknot_routine_get_license (routine), ==, "CC-BY-SA-4.0");
  g_assert_cmpstr (unknot_routine_get_safety (routine), ==,
                   "Skip any area that is injured, swollen or bruised. Keep off varicose veins, and "
                   "ask a doctor first if you take blood-thinning medicine.");
  g_assert_cmpint (unknot_routine_get_prepare (routine), ==, 15000);
  g_assert_cmpuint (unknot_routine_get_n_items (routine), ==, 3);
  g_assert_cmpuint (unknot_routine_get_n_steps (routine), ==, 2);

  step = unknot_routine_get_item (routine, 0);
  g_assert_cmpint (unknot_step_get_kind (step), ==, UNKNOT_STEP_KIND_STEP);
  g_assert_cmpint (unknot_step_get_region (step), ==, UNKNOT_REGION_CALVES);
  g_assert_cmpint (unknot_step_get_technique (step), ==, UNKNOT_TECHNIQUE_PETRISSAGE);
  g_assert_cmpint (unknot_step_get_tool (step), ==, UNKNOT_TOOL_MASSAGE_BALL);
  g_assert_cmpint (unknot_step_get_pressure (step), ==, UNKNOT_PRESSURE_FIRM);
  g_assert_cmpint (unknot_step_get_side (step), ==, UNKNOT_SIDE_EACH);
  g_assert_cmpint (unknot_step_get_duration (step), ==, 45000);
  g_assert_cmpint (unknot_step_get_switch_gap (step), ==, 8000);
  g_assert_cmpstr (unknot_step_get_title (step), ==, "Knead the calf");
  /* Wrapped in the file, one line in the model. */
  g_assert_cmpstr (unknot_step_get_instructions (step), ==,
                   "Sit with the knee bent. Squeeze and lift the calf muscle with both hands, "
                   "working from the ankle up to the knee.");
  g_assert_cmpuint (unknot_step_get_n_cues (step), ==, 1);
  assert_cue (step, 0, 20000, "Move to the outer edge of the calf");
  assert_file (unknot_step_get_image (step), "images/calf.svg");
  assert_file (unknot_step_get_audio (step), "audio/chime.wav");
  /* The line of "<step", although the start tag ends on the next one. */
  g_assert_cmpuint (unknot_step_get_line (step), ==, 11);
  /* Both sides and the file's own gap, whatever the default. */
  g_assert_cmpint (unknot_step_get_total (step, 5000), ==, 98000);
  g_assert_cmpint (unknot_step_get_total (step, 0), ==, 98000);

  assert_rest (routine, 1, 10000, 20);

  step = unknot_routine_get_item (routine, 2);
  g_assert_cmpint (unknot_step_get_kind (step), ==, UNKNOT_STEP_KIND_STEP);
  g_assert_cmpint (unknot_step_get_region (step), ==, UNKNOT_REGION_HAMSTRINGS);
  g_assert_cmpint (unknot_step_get_technique (step), ==, UNKNOT_TECHNIQUE_ROLLING);
  g_assert_cmpint (unknot_step_get_tool (step), ==, UNKNOT_TOOL_FOAM_ROLLER);
  g_assert_cmpint (unknot_step_get_pressure (step), ==, UNKNOT_PRESSURE_UNSPECIFIED);
  g_assert_cmpint (unknot_step_get_side (step), ==, UNKNOT_SIDE_BOTH);
  g_assert_cmpint (unknot_step_get_duration (step), ==, 90000);
  g_assert_cmpint (unknot_step_get_switch_gap (step), ==, -1);
  g_assert_cmpstr (unknot_step_get_title (step), ==, "Roll the hamstrings");
  g_assert_cmpuint (unknot_step_get_n_cues (step), ==, 0);
  g_assert_null (unknot_step_get_image (step));
  g_assert_null (unknot_step_get_audio (step));
  g_assert_cmpuint (unknot_step_get_line (step), ==, 21);

  /* 15 s prepare + 45 s + 8 s + 45 s + 10 s rest + 90 s: the file sets every default. */
  g_assert_cmpint (unknot_routine_get_total (routine, 10000, 5000), ==, 213000);
  g_assert_cmpint (unknot_routine_get_total (routine, 0, 0), ==, 213000);
  g_assert_cmpuint (unknot_routine_get_regions (routine), ==,
                    BIT (UNKNOT_REGION_CALVES) | BIT (UNKNOT_REGION_HAMSTRINGS));
  g_assert_cmpuint (unknot_routine_get_tools (routine), ==,
                    BIT (UNKNOT_TOOL_MASSAGE_BALL) | BIT (UNKNOT_TOOL_FOAM_ROLLER));
}

static void
test_minimal (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("minimal.xml");
  UnknotStep *step;

  g_assert_cmpstr (unknot_routine_get_id (routine), ==, "minimal");
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, "Minimal");
  g_assert_cmpstr (unknot_routine_get_description (routine), ==, "One step and nothing more.");
  g_assert_null (unknot_routine_get_author (routine));
  g_assert_null (unknot_routine_get_license (routine));
  g_assert_null (unknot_routine_get_safety (routine));
  g_assert_cmpint (unknot_routine_get_prepare (routine), ==, -1);
  g_assert_cmpuint (unknot_routine_get_suits (routine), ==, 0);
  g_assert_cmpuint (unknot_routine_get_n_items (routine), ==, 1);
  g_assert_cmpuint (unknot_routine_get_n_steps (routine), ==, 1);

  step = unknot_routine_get_item (routine, 0);
  g_assert_cmpint (unknot_step_get_region (step), ==, UNKNOT_REGION_NECK);
  g_assert_cmpint (unknot_step_get_technique (step), ==, UNKNOT_TECHNIQUE_EFFLEURAGE);
  g_assert_cmpint (unknot_step_get_tool (step), ==, UNKNOT_TOOL_HANDS);
  g_assert_cmpint (unknot_step_get_pressure (step), ==, UNKNOT_PRESSURE_UNSPECIFIED);
  g_assert_cmpint (unknot_step_get_side (step), ==, UNKNOT_SIDE_BOTH);
  g_assert_cmpint (unknot_step_get_duration (step), ==, 60000);
  g_assert_cmpint (unknot_step_get_switch_gap (step), ==, -1);
  g_assert_cmpstr (unknot_step_get_title (step), ==, "Stroke the neck");
  g_assert_cmpstr (unknot_step_get_instructions (step), ==,
                   "Glide both hands down the sides of the neck.");
  g_assert_cmpuint (unknot_step_get_n_cues (step), ==, 0);
  g_assert_null (unknot_step_get_image (step));
  g_assert_null (unknot_step_get_audio (step));
  g_assert_cmpuint (unknot_step_get_line (step), ==, 7);

  /* Without <prepare>, the user's setting counts. */
  g_assert_cmpint (unknot_routine_get_total (routine, 10000, 5000), ==, 70000);
  g_assert_cmpint (unknot_routine_get_total (routine, 3000, 5000), ==, 63000);
  g_assert_cmpuint (unknot_routine_get_regions (routine), ==, BIT (UNKNOT_REGION_NECK));
  g_assert_cmpuint (unknot_routine_get_tools (routine), ==, BIT (UNKNOT_TOOL_HANDS));
}

static void
test_sides (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("sides.xml");
  static const struct
  {
    UnknotSide side;
    gint64 duration, switch_gap, total_with_default_gap;
    guint line;
  } expected[] = {
    { UNKNOT_SIDE_LEFT, 20000, -1, 20000, 7 },
    { UNKNOT_SIDE_RIGHT, 20000, -1, 20000, 11 },
    { UNKNOT_SIDE_BOTH, 30000, -1, 30000, 15 },
    { UNKNOT_SIDE_EACH, 40000, -1, 40000 + 5000 + 40000, 20 },
    { UNKNOT_SIDE_EACH, 35000, 12000, 35000 + 12000 + 35000, 24 },
    { UNKNOT_SIDE_EACH, 15000, 0, 15000 + 15000, 29 },
  };

  g_assert_cmpuint (unknot_routine_get_n_items (routine), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (unknot_routine_get_n_steps (routine), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      UnknotStep *step = unknot_routine_get_item (routine, i);

      g_assert_cmpint (unknot_step_get_side (step), ==, expected[i].side);
      g_assert_cmpint (unknot_step_get_duration (step), ==, expected[i].duration);
      g_assert_cmpint (unknot_step_get_switch_gap (step), ==, expected[i].switch_gap);
      g_assert_cmpint (unknot_step_get_total (step, 5000), ==,
                       expected[i].total_with_default_gap);
      g_assert_cmpuint (unknot_step_get_line (step), ==, expected[i].line);
    }

  /* Only the step without its own gap follows the default. */
  g_assert_cmpint (unknot_step_get_total (unknot_routine_get_item (routine, 3), 9000), ==, 89000);
  g_assert_cmpint (unknot_step_get_total (unknot_routine_get_item (routine, 4), 9000), ==, 82000);
  g_assert_cmpint (unknot_routine_get_total (routine, 10000, 5000), ==,
                   10000 + 20000 + 20000 + 30000 + 85000 + 82000 + 30000);
  g_assert_cmpint (unknot_routine_get_total (routine, 10000, 9000), ==,
                   10000 + 20000 + 20000 + 30000 + 89000 + 82000 + 30000);
  g_assert_cmpuint (unknot_routine_get_regions (routine), ==,
                    BIT (UNKNOT_REGION_SHINS) | BIT (UNKNOT_REGION_GLUTES)
                    | BIT (UNKNOT_REGION_IT_BAND) | BIT (UNKNOT_REGION_QUADRICEPS)
                    | BIT (UNKNOT_REGION_ADDUCTORS));
  g_assert_cmpuint (unknot_routine_get_tools (routine), ==,
                    BIT (UNKNOT_TOOL_HANDS) | BIT (UNKNOT_TOOL_MASSAGE_BALL)
                    | BIT (UNKNOT_TOOL_FOAM_ROLLER));
}

static void
test_rests (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("rests.xml");

  g_assert_cmpuint (unknot_routine_get_n_items (routine), ==, 6);
  g_assert_cmpuint (unknot_routine_get_n_steps (routine), ==, 2);
  assert_rest (routine, 0, 5000, 7);
  g_assert_cmpint (unknot_step_get_kind (unknot_routine_get_item (routine, 1)), ==,
                   UNKNOT_STEP_KIND_STEP);
  assert_rest (routine, 2, 60000, 12);
  assert_rest (routine, 3, 1000, 13);
  g_assert_cmpint (unknot_step_get_region (unknot_routine_get_item (routine, 4)), ==,
                   UNKNOT_REGION_ACHILLES);
  assert_rest (routine, 5, 125000, 18);

  /* Rests count toward the length, but not as steps nor toward the regions. */
  g_assert_cmpint (unknot_routine_get_total (routine, 10000, 5000), ==,
                   10000 + 5000 + 30000 + 60000 + 1000 + 25000 + 125000);
  g_assert_cmpuint (unknot_routine_get_regions (routine), ==,
                    BIT (UNKNOT_REGION_FEET) | BIT (UNKNOT_REGION_ACHILLES));
  g_assert_cmpuint (unknot_routine_get_tools (routine), ==,
                    BIT (UNKNOT_TOOL_MASSAGE_BALL) | BIT (UNKNOT_TOOL_HANDS));
}

static void
test_prepare_zero (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("prepare-zero.xml");

  /* 0 is a choice of the author, not "unset" (-1): the user's setting does not apply. */
  g_assert_cmpint (unknot_routine_get_prepare (routine), ==, 0);
  g_assert_cmpint (unknot_routine_get_total (routine, 10000, 5000), ==, 50000);
  g_assert_cmpint (unknot_routine_get_total (routine, 99000, 5000), ==, 50000);
  g_assert_cmpuint (unknot_routine_get_regions (routine), ==, BIT (UNKNOT_REGION_HANDS));
}

static void
test_cues (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("cues.xml");
  UnknotStep *step = unknot_routine_get_item (routine, 0);

  /* Sorted by time, each with its untranslated text (the tests run in "C"). */
  g_assert_cmpuint (unknot_step_get_n_cues (step), ==, 5);
  assert_cue (step, 0, 1000, "Begin gently");
  assert_cue (step, 1, 15000, "Move up towards the knee");
  assert_cue (step, 2, 30000, "Switch to the outer edge");
  assert_cue (step, 3, 45000, "Nearly done");
  assert_cue (step, 4, 59000, "Last second");

  /* For side="each", times count from the start of each side. */
  step = unknot_routine_get_item (routine, 1);
  g_assert_cmpint (unknot_step_get_side (step), ==, UNKNOT_SIDE_EACH);
  g_assert_cmpuint (unknot_step_get_n_cues (step), ==, 2);
  assert_cue (step, 0, 10000, "Breathe out and sink deeper");
  assert_cue (step, 1, 29000, "Relax");
}

static void
test_translated_fallback (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("translated.xml");
  UnknotStep *step = unknot_routine_get_item (routine, 0);

  /* In "C", the untranslated text, wherever it stands among the translations. */
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, "After the run");
  g_assert_cmpstr (unknot_routine_get_description (routine), ==, "Loosen the calves.");
  g_assert_cmpstr (unknot_routine_get_safety (routine), ==, "Stop if it hurts.");
  g_assert_cmpstr (unknot_step_get_title (step), ==, "Knead the calf");
  g_assert_cmpstr (unknot_step_get_instructions (step), ==, "Knead with both hands.");
  g_assert_cmpuint (unknot_step_get_n_cues (step), ==, 1);
  assert_cue (step, 0, 20000, "Halfway");
}

static void
test_vocabulary (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("vocabulary.xml");
  gint64 total = 10000;

  g_assert_cmpuint (unknot_routine_get_n_steps (routine), ==, UNKNOT_N_REGIONS);
  for (guint i = 0; i < UNKNOT_N_REGIONS; i++)
    {
      UnknotStep *step = unknot_routine_get_item (routine, i);
      UnknotPressure pressure = i % 4 == 3 ? UNKNOT_PRESSURE_UNSPECIFIED : (UnknotPressure) (i % 4);
      g_autofree char *title = g_strdup_printf ("Step %u", i);

      g_assert_cmpint (unknot_step_get_region (step), ==, i);
      g_assert_cmpint (unknot_step_get_technique (step), ==, i % UNKNOT_N_TECHNIQUES);
      g_assert_cmpint (unknot_step_get_tool (step), ==, i % UNKNOT_N_TOOLS);
      g_assert_cmpint (unknot_step_get_pressure (step), ==, pressure);
      g_assert_cmpint (unknot_step_get_duration (step), ==, (10 + i) * 1000);
      g_assert_cmpstr (unknot_step_get_title (step), ==, title);
      g_assert_cmpuint (unknot_step_get_line (step), ==, 9 + 4 * i);
      total += (10 + i) * 1000;
    }

  g_assert_cmpint (unknot_routine_get_total (routine, 10000, 5000), ==, total);
  g_assert_cmpuint (unknot_routine_get_regions (routine), ==, BIT (UNKNOT_N_REGIONS) - 1);
  g_assert_cmpuint (unknot_routine_get_tools (routine), ==, BIT (UNKNOT_N_TOOLS) - 1);
}

static void
test_media (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("media.xml");
  UnknotStep *step;

  step = unknot_routine_get_item (routine, 0);
  assert_file (unknot_step_get_image (step), "images/calf.svg");
  g_assert_null (unknot_step_get_audio (step));

  step = unknot_routine_get_item (routine, 1);
  g_assert_null (unknot_step_get_image (step));
  assert_file (unknot_step_get_audio (step), "audio/chime.wav");

  /* Children in any order. */
  step = unknot_routine_get_item (routine, 2);
  assert_file (unknot_step_get_image (step), "images/calf.svg");
  assert_file (unknot_step_get_audio (step), "audio/chime.wav");
  g_assert_cmpstr (unknot_step_get_title (step), ==, "Both");
}

/* The first picture @step shows on @side. */
static GFile *
first_for_side (UnknotStep *step,
                UnknotSide  side,
                gboolean   *mirrored)
{
  UnknotPictureSequence *pictures = unknot_step_get_pictures_for_side (step, side, mirrored);

  g_assert_nonnull (pictures);
  return unknot_picture_sequence_get_file (pictures, 0);
}

/* The pictures of one side, as "file:ms" pairs, such as "images/calf.svg:2000". */
static char *
describe_pictures (UnknotPictureSequence *pictures)
{
  g_autofree char *folder = routine_fixture_path ("valid", "");
  g_autoptr (GFile) base = g_file_new_for_path (folder);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (pictures);
  for (guint i = 0; i < unknot_picture_sequence_get_n_frames (pictures); i++)
    {
      g_autofree char *path =
        g_file_get_relative_path (base, unknot_picture_sequence_get_file (pictures, i));

      g_string_append_printf (text, "%s%s:%" G_GINT64_FORMAT, i > 0 ? " " : "", path,
                              unknot_picture_sequence_get_duration (pictures, i));
    }
  return g_string_free (text, FALSE);
}

/* A picture for each side: the right side shows its own as drawn, or the left one
 * mirrored; the left side the left one, or the right one mirrored. Files written
 * before sequences read as they did: one still for each side. */
static void
test_image_sides (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("image-sides.xml");
  UnknotStep *both = unknot_routine_get_item (routine, 0);
  UnknotStep *left = unknot_routine_get_item (routine, 1);
  UnknotStep *right = unknot_routine_get_item (routine, 2);
  gboolean mirrored = TRUE;
  g_autofree char *both_left = describe_pictures (unknot_step_get_pictures (both));
  g_autofree char *both_right = describe_pictures (unknot_step_get_pictures_right (both));

  g_assert_cmpstr (both_left, ==, "images/calf.svg:0");
  g_assert_cmpstr (both_right, ==, "images/calf-right.svg:0");
  assert_file (unknot_step_get_image (both), "images/calf.svg");
  assert_file (first_for_side (both, UNKNOT_SIDE_RIGHT, &mirrored), "images/calf-right.svg");
  g_assert_false (mirrored);
  assert_file (first_for_side (both, UNKNOT_SIDE_LEFT, &mirrored), "images/calf.svg");
  g_assert_false (mirrored);

  g_assert_null (unknot_step_get_pictures_right (left));
  assert_file (first_for_side (left, UNKNOT_SIDE_RIGHT, &mirrored), "images/calf.svg");
  g_assert_true (mirrored);

  g_assert_null (unknot_step_get_pictures (right));
  g_assert_null (unknot_step_get_image (right));
  assert_file (first_for_side (right, UNKNOT_SIDE_LEFT, &mirrored), "images/calf-right.svg");
  g_assert_true (mirrored);
  assert_file (first_for_side (right, UNKNOT_SIDE_RIGHT, &mirrored), "images/calf-right.svg");
  g_assert_false (mirrored);

  /* A still stays put however long the side lasts. */
  g_assert_cmpuint (unknot_picture_sequence_get_frame_at (unknot_step_get_pictures (both),
                                                          45000), ==, 0);
}

/* Several pictures for a side take turns in file order, each for its duration, the
 * sides apart even when their <image>s are mixed in the file; a side without its own
 * shows the other side's sequence mirrored. */
static void
test_image_sequence (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("image-sequence.xml");
  UnknotStep *own = unknot_routine_get_item (routine, 0);
  UnknotStep *mirrored_step = unknot_routine_get_item (routine, 1);
  UnknotStep *still = unknot_routine_get_item (routine, 2);
  g_autofree char *own_left = describe_pictures (unknot_step_get_pictures (own));
  g_autofree char *own_right = describe_pictures (unknot_step_get_pictures_right (own));
  g_autofree char *still_pictures = describe_pictures (unknot_step_get_pictures (still));
  UnknotPictureSequence *pictures;
  gboolean mirrored = FALSE;
  g_autoptr (GPtrArray) media = NULL;

  g_assert_cmpstr (own_left, ==, "images/calf.svg:2000 images/calf-right.svg:1000");
  g_assert_cmpstr (own_right, ==, "images/calf-right.svg:3000 images/calf.svg:60000");

  /* Two seconds of the first, one of the second, and round again. */
  pictures = unknot_step_get_pictures (own);
  g_assert_cmpuint (unknot_picture_sequence_get_frame_at (pictures, 0), ==, 0);
  g_assert_cmpuint (unknot_picture_sequence_get_frame_at (pictures, 1999), ==, 0);
  g_assert_cmpuint (unknot_picture_sequence_get_frame_at (pictures, 2000), ==, 1);
  g_assert_cmpuint (unknot_picture_sequence_get_frame_at (pictures, 2999), ==, 1);
  g_assert_cmpuint (unknot_picture_sequence_get_frame_at (pictures, 3000), ==, 0);
  g_assert_cmpuint (unknot_picture_sequence_get_frame_at (pictures, 17500), ==, 1);

  pictures = unknot_step_get_pictures_for_side (mirrored_step, UNKNOT_SIDE_RIGHT, &mirrored);
  g_assert_true (pictures == unknot_step_get_pictures (mirrored_step));
  g_assert_true (mirrored);
  g_assert_cmpuint (unknot_picture_sequence_get_n_frames (pictures), ==, 2);

  /* A lone picture with a duration is a still all the same. */
  g_assert_cmpstr (still_pictures, ==, "images/calf.svg:5000");
  g_assert_cmpuint (unknot_picture_sequence_get_frame_at (unknot_step_get_pictures (still),
                                                          7000), ==, 0);

  /* Every picture travels with the routine, each side's in turn. */
  media = unknot_step_get_media_files (own);
  g_assert_cmpuint (media->len, ==, 4);
  assert_file (g_ptr_array_index (media, 1), "images/calf-right.svg");
  assert_file (g_ptr_array_index (media, 3), "images/calf.svg");
}

/* The media the fixtures point at are real files of their kind, and the sound is the one
 * routine_fixture_make_wav() writes, so anyone can make it again. */
static void
test_media_files (void)
{
  g_autofree char *wav_path = routine_fixture_path ("valid", "audio/chime.wav");
  g_autofree char *svg_path = routine_fixture_path ("valid", "images/calf.svg");
  g_autoptr (GBytes) expected = routine_fixture_make_wav ();
  g_autoptr (GBytes) committed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *wav = NULL;
  gsize length;
  xmlDoc *svg;

  g_file_get_contents (wav_path, &wav, &length, &error);
  g_assert_no_error (error);
  committed = g_bytes_new_take (g_steal_pointer (&wav), length);
  g_assert_true (g_bytes_equal (committed, expected));
  g_assert_cmpuint (length, <, 1024);

  svg = xmlReadFile (svg_path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (svg);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (svg)->name, ==, "svg");
  xmlFreeDoc (svg);
}

static void
test_limits (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("limits.xml");

  g_assert_cmpint (unknot_routine_get_prepare (routine), ==, 300000);
  g_assert_cmpint (unknot_step_get_duration (unknot_routine_get_item (routine, 0)), ==, 3600000);
  g_assert_cmpint (unknot_step_get_switch_gap (unknot_routine_get_item (routine, 2)), ==, 60000);
  g_assert_cmpint (unknot_step_get_duration (unknot_routine_get_item (routine, 4)), ==, 1000);
  g_assert_cmpint (unknot_routine_get_total (routine, 10000, 5000), ==, 4 * 3600000);
  g_assert_cmpuint (unknot_routine_get_tools (routine), ==,
                    BIT (UNKNOT_TOOL_HANDS) | BIT (UNKNOT_TOOL_PERCUSSION_DEVICE));
}

static void
test_text_forms (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("text.xml");
  UnknotStep *step = unknot_routine_get_item (routine, 0);

  g_assert_cmpstr (unknot_routine_get_id (routine), ==, "text-forms");
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, "Heel & toe — für Läufer");
  g_assert_cmpstr (unknot_routine_get_description (routine), ==,
                   "Tension & release \xe2\x80\x93 <gently>.");
  g_assert_cmpstr (unknot_routine_get_author (routine), ==, "Zoë Ångström");
  g_assert_cmpstr (unknot_routine_get_license (routine), ==, "CC0-1.0");
  g_assert_cmpstr (unknot_routine_get_safety (routine), ==,
                   "Stop at once if anything feels sharp.");
  g_assert_cmpstr (unknot_step_get_title (step), ==, "Ankles");
  g_assert_cmpstr (unknot_step_get_instructions (step), ==,
                   "Circle the ankle bone with two fingers, slowly.");
  g_assert_cmpint (unknot_step_get_duration (step), ==, 120000);
}

/* The checksum is the SHA-256 of the file's bytes: the same for the same bytes, whatever
 * the parser's settings, and different after any edit. */
static void
test_checksum (void)
{
  g_autoptr (UnknotRoutine) first = load_valid ("full.xml");
  g_autoptr (UnknotRoutine) again = load_valid ("full.xml");
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  const char *const german[] = { "de", "C", NULL };
  g_autofree char *path = routine_fixture_path ("valid", "full.xml");
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) edited = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (UnknotRoutine) in_german = NULL;
  g_autoptr (UnknotRoutine) changed = NULL;
  gsize length;
  char *where;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_cmpstr (unknot_routine_get_checksum (first), ==, expected);
  g_assert_cmpstr (unknot_routine_get_checksum (again), ==, expected);

  unknot_routine_parser_set_languages (parser, german);
  in_german = unknot_routine_parser_load_file (parser, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_checksum (in_german), ==, expected);

  /* One letter different, same length. */
  where = strstr (contents, "Post-run recovery");
  g_assert_nonnull (where);
  where[0] = 'p';
  edited = g_bytes_new (contents, length);
  changed = unknot_routine_parser_load_bytes (parser, edited, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_name (changed), ==, "post-run recovery");
  g_assert_cmpstr (unknot_routine_get_checksum (changed), !=, expected);
  g_assert_cmpuint (strlen (unknot_routine_get_checksum (changed)), ==, 64);
}

/* <suits> lists kinds of run, in any order among the header's elements, separated by
 * any white space; the kinds it leaves out are not set. */
static void
test_suits (void)
{
  g_autoptr (UnknotRoutine) routine = load_valid ("suits.xml");

  g_assert_cmpuint (unknot_routine_get_suits (routine), ==,
                    BIT (UNKNOT_RUN_KIND_LONG) | BIT (UNKNOT_RUN_KIND_RACE)
                    | BIT (UNKNOT_RUN_KIND_TRAIL));
  g_assert_cmpuint (unknot_routine_get_n_steps (routine), ==, 1);
  g_assert_cmpuint (unknot_routine_get_warnings (routine)->len, ==, 0);
}

/* Every file in fixtures/valid/ loads, and is one of those checked above. */
static void
test_all_load (void)
{
  static const char *const checked[] = {
    "cues.xml", "cues-msgfmt.xml", "full.xml", "image-sequence.xml", "image-sides.xml",
    "limits.xml", "media.xml",
    "minimal.xml", "prepare-zero.xml", "rests.xml", "sides.xml", "suits.xml", "text.xml",
    "translated.xml",
    "translated-de-hyphen.xml", "translated-de-underscore.xml", "translated-pt-br.xml",
    "vocabulary.xml", NULL
  };
  g_autoptr (GPtrArray) names = routine_fixture_list ("valid");

  g_assert_cmpuint (names->len, ==, g_strv_length ((char **) checked));
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr (UnknotRoutine) routine = load_valid (g_ptr_array_index (names, i));

      g_assert_true (g_strv_contains (checked, g_ptr_array_index (names, i)));
      g_assert_cmpuint (unknot_routine_get_n_steps (routine), >, 0);
    }
}

/* The same file in UTF-16 with a byte order mark is still the same routine. */
static void
test_utf16 (void)
{
  g_autofree char *path = routine_fixture_path ("valid", "full.xml");
  g_autofree char *utf8 = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *copy = NULL;
  g_autoptr (GString) text = NULL;
  g_autoptr (GByteArray) utf16 = g_byte_array_new ();
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  gsize written;

  g_file_get_contents (path, &utf8, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (utf8);
  g_assert_cmpuint (g_string_replace (text, "encoding=\"UTF-8\"", "encoding=\"UTF-16\"", 1), ==, 1);
  converted = g_convert (text->str, text->len, "UTF-16LE", "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  g_byte_array_append (utf16, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (utf16, (const guint8 *) converted, written);

  /* In a folder of its own, without the media: those are warnings in the app. */
  folder = unknot_test_make_folder ("unknot-utf16");
  copy = g_build_filename (folder, "full.xml", NULL);
  g_file_set_contents (copy, (const char *) utf16->data, utf16->len, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (copy);
  routine = unknot_routine_parser_load_file (parser, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (routine);

  g_assert_cmpstr (unknot_routine_get_id (routine), ==, "full-routine");
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, "Post-run recovery");
  g_assert_cmpuint (unknot_routine_get_n_items (routine), ==, 3);
  g_assert_cmpint (unknot_routine_get_total (routine, 10000, 5000), ==, 213000);
  g_assert_cmpuint (unknot_step_get_line (unknot_routine_get_item (routine, 0)), ==, 11);
  g_assert_cmpuint (unknot_step_get_line (unknot_routine_get_item (routine, 2)), ==, 21);
  g_assert_cmpuint (unknot_routine_get_warnings (routine)->len, ==, 2);
  unknot_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routine/valid/full", test_full);
  g_test_add_func ("/routine/valid/minimal", test_minimal);
  g_test_add_func ("/routine/valid/sides", test_sides);
  g_test_add_func ("/routine/valid/rests", test_rests);
  g_test_add_func ("/routine/valid/prepare-zero", test_prepare_zero);
  g_test_add_func ("/routine/valid/cues", test_cues);
  g_test_add_func ("/routine/valid/translated-fallback", test_translated_fallback);
  g_test_add_func ("/routine/valid/vocabulary", test_vocabulary);
  g_test_add_func ("/routine/valid/suits", test_suits);
  g_test_add_func ("/routine/valid/media", test_media);
  g_test_add_func ("/routine/valid/media-files", test_media_files);
  g_test_add_func ("/routine/valid/image-sides", test_image_sides);
  g_test_add_func ("/routine/valid/image-sequence", test_image_sequence);
  g_test_add_func ("/routine/valid/limits", test_limits);
  g_test_add_func ("/routine/valid/text-forms", test_text_forms);
  g_test_add_func ("/routine/valid/checksum", test_checksum);
  g_test_add_func ("/routine/valid/all-load", test_all_load);
  g_test_add_func ("/routine/valid/utf16", test_utf16);

  return g_test_run ();
}
