/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "routine-lint.h"
#include "unknot-claimed-length.h"
#include "unknot-routine-format.h"
#include "unknot-routine-parser.h"
#include "unknot-test-utils.h"

/* The routines Unknot ships, held to the rules of the authoring guide
 * (routines/README.md): valid with strict media checks, honest about their length,
 * ordered from light to deep and back to light, safe where a tool calls for care, and
 * together covering the whole vocabulary. */

#define MIN_ROUTINES 18

/* Regions and techniques the library may leave unused on purpose, each with its
 * reason. None at present: every region and technique has a place in a runner's
 * routine. Add an entry here, with the reason, rather than weakening the test. */
static const guint unused_regions[] = { UNKNOT_N_REGIONS /* none */ };
static const guint unused_techniques[] = { UNKNOT_N_TECHNIQUES /* none */ };

/* A percussion device is for large muscle bellies only. Everything else is left out
 * on purpose: the neck (arteries at the front and sides, the spine at the back), the
 * upper and lower back (the spine and, low down, the kidneys), the chest (ribs and
 * breastbone), the arms and hands (small muscles over bone, the wrist and elbow
 * joints), the outer hip (a bony point), the hip flexors and inner thigh (large blood
 * vessels and nerves near the groin), the shins (the bone lies under the skin), the
 * Achilles (a tendon), the ankles (a joint) and the feet (small bones). The outer
 * thigh is allowed for the muscle in it, at light pressure (checked below). */
static const guint percussion_regions[] = {
  UNKNOT_REGION_GLUTES,
  UNKNOT_REGION_QUADRICEPS,
  UNKNOT_REGION_HAMSTRINGS,
  UNKNOT_REGION_IT_BAND,
  UNKNOT_REGION_CALVES,
};
#define PERCUSSION_MAX_MS (60 * 1000)

/* Body parts that come in two, which a step works on one side at a time. */
static const guint paired_regions[] = {
  UNKNOT_REGION_UPPER_ARMS, UNKNOT_REGION_FOREARMS, UNKNOT_REGION_HANDS,
  UNKNOT_REGION_GLUTES, UNKNOT_REGION_HIPS, UNKNOT_REGION_HIP_FLEXORS,
  UNKNOT_REGION_ADDUCTORS, UNKNOT_REGION_QUADRICEPS, UNKNOT_REGION_HAMSTRINGS,
  UNKNOT_REGION_IT_BAND, UNKNOT_REGION_SHINS, UNKNOT_REGION_CALVES,
  UNKNOT_REGION_ACHILLES, UNKNOT_REGION_ANKLES, UNKNOT_REGION_FEET,
};

/* Time enough to turn over on a roller, move a ball, change knees or turn onto the
 * other side between the sides of a step, and to fetch a tool or get down to or up
 * from the floor in a rest. */
#define TURNING_MIN_MS (10 * 1000)
#define MOVING_MIN_MS (10 * 1000)

/* A step per side lasts from a brisk 20 s (the warm-up) to 2 min. */
#define STEP_MIN_MS (20 * 1000)
#define STEP_MAX_MS (2 * 60 * 1000)

/* What our texts must never say: they describe what to do and how it should feel, and
 * promise nothing. Matched case-insensitively anywhere in a text. */
static const char *const promises[] = {
  "lactic", "toxin", "detox", "flush", "waste product", "prevent", "cure", "heals",
  "healing", "injury-free", "boost", "guarantee", "speed up recovery", "speeds up",
};

typedef struct
{
  char *path;
  char *file_id;        /* the file name without ".xml" */
  UnknotRoutine *routine;
  GPtrArray *problems;
  GError *error;
} Shipped;

/* One step of one routine, for the checks that look at every step. */
typedef struct
{
  const char *file_id;
  UnknotStep *step;
} StepRef;

static GPtrArray *library;   /* of Shipped, in file name order */
static GArray *all_steps;    /* of StepRef: every <step> (not <rest>) in the library */

static void
shipped_free (gpointer data)
{
  Shipped *shipped = data;

  g_free (shipped->path);
  g_free (shipped->file_id);
  g_clear_object (&shipped->routine);
  g_clear_pointer (&shipped->problems, g_ptr_array_unref);
  g_clear_error (&shipped->error);
  g_free (shipped);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The routine files in @folder, without template.xml, sorted. */
static GPtrArray *
list_routine_files (const char *folder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (folder, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml") && !g_str_equal (name, "template.xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
load_library (void)
{
  g_autofree char *folder = unknot_test_source_path ("routines", NULL);
  g_autoptr (GPtrArray) names = list_routine_files (folder);
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  const char *const untranslated[] = { "C", NULL };

  unknot_routine_parser_set_languages (parser, untranslated);
  unknot_routine_parser_set_missing_media_is_error (parser, TRUE);

  library = g_ptr_array_new_with_free_func (shipped_free);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      Shipped *shipped = g_new0 (Shipped, 1);
      g_autoptr (GFile) file = NULL;

      shipped->path = g_build_filename (folder, name, NULL);
      shipped->file_id = g_strndup (name, strlen (name) - strlen (".xml"));
      file = g_file_new_for_path (shipped->path);
      shipped->routine = unknot_routine_parser_load_file (parser, file, name,
                                                          &shipped->problems,
                                                          &shipped->error);
      g_ptr_array_add (library, shipped);
    }

  all_steps = g_array_new (FALSE, FALSE, sizeof (StepRef));
  for (guint i = 0; i < library->len; i++)
    {
      Shipped *shipped = g_ptr_array_index (library, i);

      for (guint s = 0; shipped->routine != NULL
                        && s < unknot_routine_get_n_items (shipped->routine); s++)
        {
          StepRef ref = { shipped->file_id, unknot_routine_get_item (shipped->routine, s) };

          if (unknot_step_get_kind (ref.step) == UNKNOT_STEP_KIND_STEP)
            g_array_append_val (all_steps, ref);
        }
    }
}

static UnknotRoutine *
find_routine (const char *id)
{
  for (guint i = 0; i < library->len; i++)
    {
      Shipped *shipped = g_ptr_array_index (library, i);
      if (g_str_equal (shipped->file_id, id))
        {
          g_assert_nonnull (shipped->routine);
          return shipped->routine;
        }
    }
  g_test_message ("the library has no routine %s", id);
  g_assert_not_reached ();
  return NULL;
}

static gboolean
in_list (guint        term,
         const guint *list,
         gsize        n)
{
  for (gsize i = 0; i < n; i++)
    if (list[i] == term)
      return TRUE;
  return FALSE;
}

/* ---- the files ---------------------------------------------------------------------- */

static void
test_all_valid (void)
{
  g_assert_cmpuint (library->len, >=, MIN_ROUTINES);

  for (guint i = 0; i < library->len; i++)
    {
      Shipped *shipped = g_ptr_array_index (library, i);

      /* Not even warnings: a shipped routine is an example to authors. */
      for (guint p = 0; shipped->problems != NULL && p < shipped->problems->len; p++)
        {
          g_autofree char *line = unknot_problem_format (g_ptr_array_index (shipped->problems, p));
          g_test_message ("%s", line);
        }
      g_assert_no_error (shipped->error);
      g_assert_nonnull (shipped->routine);
      g_assert_cmpuint (shipped->problems->len, ==, 0);
    }
}

static void
test_ids_match_file_names (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < library->len; i++)
    {
      Shipped *shipped = g_ptr_array_index (library, i);
      const char *id = unknot_routine_get_id (shipped->routine);

      g_assert_cmpstr (id, ==, shipped->file_id);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
    }
}

/* routines/meson.build lists the files by hand; one left out there would be neither
 * installed nor seen by the uninstalled app. The build tree's copy shows the list: it
 * holds each routine merged with its translations, the same routine with xml:lang
 * elements added, so in the untranslated language it reads as the source does. */
static void
test_build_tree_copy (void)
{
  const char *data_dir = g_getenv ("UNKNOT_DATA_DIR");
  const char *const untranslated[] = { "C", NULL };
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autofree char *folder = NULL;
  g_autofree char *template_copy = NULL;
  g_autoptr (GPtrArray) copies = NULL;

  g_assert_nonnull (data_dir);
  folder = g_build_filename (data_dir, "routines", NULL);
  copies = list_routine_files (folder);
  unknot_routine_parser_set_languages (parser, untranslated);

  g_assert_cmpuint (copies->len, ==, library->len);
  for (guint i = 0; i < library->len; i++)
    {
      Shipped *shipped = g_ptr_array_index (library, i);
      g_autoptr (GFile) copy = g_file_new_build_filename (folder, g_ptr_array_index (copies, i),
                                                          NULL);
      g_autoptr (UnknotRoutine) merged = NULL;
      g_autoptr (GError) error = NULL;

      merged = unknot_routine_parser_load_file (parser, copy, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (unknot_routine_get_id (merged), ==,
                       unknot_routine_get_id (shipped->routine));
      g_assert_cmpstr (unknot_routine_get_name (merged), ==,
                       unknot_routine_get_name (shipped->routine));
      g_assert_cmpuint (unknot_routine_get_n_items (merged), ==,
                        unknot_routine_get_n_items (shipped->routine));
      g_assert_cmpint (unknot_routine_get_total (merged, 0, 0), ==,
                       unknot_routine_get_total (shipped->routine, 0, 0));
    }

  template_copy = g_build_filename (folder, "template.xml", NULL);
  g_assert_false (g_file_test (template_copy, G_FILE_TEST_EXISTS));
}

/* ---- each routine ------------------------------------------------------------------- */

static void
test_texts_about_the_routine (void)
{
  for (guint i = 0; i < library->len; i++)
    {
      UnknotRoutine *routine = ((Shipped *) g_ptr_array_index (library, i))->routine;

      g_assert_nonnull (unknot_routine_get_safety (routine));
      g_assert_cmpuint (strlen (unknot_routine_get_safety (routine)), >=, 40);
      g_assert_nonnull (unknot_routine_get_description (routine));
      g_assert_cmpuint (strlen (unknot_routine_get_description (routine)), >=, 40);
      g_assert_cmpstr (unknot_routine_get_author (routine), ==, "Unknot contributors");
      g_assert_cmpstr (unknot_routine_get_license (routine), ==, "CC-BY-SA-4.0");
    }
}

static void
test_claimed_length (void)
{
  for (guint i = 0; i < library->len; i++)
    {
      UnknotRoutine *routine = ((Shipped *) g_ptr_array_index (library, i))->routine;
      gint64 total = unknot_routine_get_total (routine, UNKNOT_DEFAULT_PREPARE_MS,
                                               UNKNOT_DEFAULT_SWITCH_GAP_MS);
      guint minutes = unknot_claimed_minutes (unknot_routine_get_name (routine));

      if (minutes == 0)
        minutes = unknot_claimed_minutes (unknot_routine_get_description (routine));

      g_test_message ("%s: claims %u min, lasts %" G_GINT64_FORMAT " s",
                      unknot_routine_get_id (routine), minutes, total / 1000);
      g_assert_cmpuint (minutes, >, 0);
      g_assert_true (unknot_total_matches_claim (total, minutes));
      /* The library shows the length rounded to minutes next to the description: the
       * two say the same number. */
      {
        g_autofree char *shown = unknot_format_duration_rounded (total);
        g_autofree char *claimed = g_strdup_printf ("%u minutes", minutes);

        g_assert_cmpstr (shown, ==, claimed);
      }
    }
}

static void
test_claim_reader (void)
{
  static const struct { const char *text; guint minutes; } cases[] = {
    { "Ten minutes for the legs after an easy or long run.", 10 },
    { "A 5-minute warm-up", 5 },
    { "About twenty-five minutes, from the feet up", 25 },
    { "about twenty five minutes", 25 },
    { "It takes 12 minutes.", 12 },
    { "One minute per side, then four minutes of stretching", 1 },
    { "A routine for the minute details", 0 },
    { "No claim at all", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (unknot_claimed_minutes (cases[i].text), ==, cases[i].minutes);

  g_assert_true (unknot_total_matches_claim (10 * 60 * 1000, 10));
  g_assert_true (unknot_total_matches_claim (11 * 60 * 1000, 10));
  g_assert_false (unknot_total_matches_claim (11 * 60 * 1000 + 1000, 10));
  g_assert_false (unknot_total_matches_claim (9 * 60 * 1000 - 1000, 10));
  g_assert_false (unknot_total_matches_claim (0, 0));
}

/* Broad light strokes first to warm the tissue, light strokes last to ease off. */
static void
test_light_start_and_finish (void)
{
  for (guint i = 0; i < library->len; i++)
    {
      UnknotRoutine *routine = ((Shipped *) g_ptr_array_index (library, i))->routine;
      guint n = unknot_routine_get_n_items (routine);
      UnknotStep *first = unknot_routine_get_item (routine, 0);
      UnknotStep *last = unknot_routine_get_item (routine, n - 1);

      g_test_message ("%s", unknot_routine_get_id (routine));
      g_assert_cmpint (unknot_step_get_kind (first), ==, UNKNOT_STEP_KIND_STEP);
      g_assert_cmpint (unknot_step_get_technique (first), ==, UNKNOT_TECHNIQUE_EFFLEURAGE);
      g_assert_cmpint (unknot_step_get_pressure (first), ==, UNKNOT_PRESSURE_LIGHT);
      g_assert_cmpint (unknot_step_get_kind (last), ==, UNKNOT_STEP_KIND_STEP);
      g_assert_cmpint (unknot_step_get_technique (last), ==, UNKNOT_TECHNIQUE_EFFLEURAGE);
      g_assert_cmpint (unknot_step_get_pressure (last), ==, UNKNOT_PRESSURE_LIGHT);
    }
}

static void
test_steps (void)
{
  for (guint i = 0; i < all_steps->len; i++)
    {
      StepRef *ref = &g_array_index (all_steps, StepRef, i);
      UnknotStep *step = ref->step;
      UnknotRegion region = unknot_step_get_region (step);
      gint64 duration = unknot_step_get_duration (step);

      g_test_message ("%s, line %u", ref->file_id, unknot_step_get_line (step));
      g_assert_cmpint (duration, >=, STEP_MIN_MS);
      g_assert_cmpint (duration, <=, STEP_MAX_MS);
      if (in_list (region, paired_regions, G_N_ELEMENTS (paired_regions)))
        g_assert_cmpint (unknot_step_get_side (step), ==, UNKNOT_SIDE_EACH);
      /* Pressure means nothing in a stretch, and must be said everywhere else. */
      if (unknot_step_get_technique (step) == UNKNOT_TECHNIQUE_STRETCHING)
        g_assert_cmpint (unknot_step_get_pressure (step), ==, UNKNOT_PRESSURE_UNSPECIFIED);
      else
        g_assert_cmpint (unknot_step_get_pressure (step), !=, UNKNOT_PRESSURE_UNSPECIFIED);
    }
}

static guint
count_sentences (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == '\0' || p[1] == ' '))
      n++;
  return n;
}

/* The first promise @text makes, or %NULL. */
static const char *
find_promise (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (promises); i++)
    if (strstr (lower, promises[i]) != NULL)
      return promises[i];
  return NULL;
}

static void
assert_no_promise (const char *where,
                   const char *text)
{
  const char *promise = find_promise (text);

  if (promise != NULL)
    g_test_message ("%s says '%s': %s", where, promise, text);
  g_assert_null (promise);
}

static void
test_step_texts (void)
{
  for (guint i = 0; i < all_steps->len; i++)
    {
      StepRef *ref = &g_array_index (all_steps, StepRef, i);
      UnknotStep *step = ref->step;
      const char *title = unknot_step_get_title (step);
      const char *instructions = unknot_step_get_instructions (step);
      g_autofree char *where = g_strdup_printf ("%s, line %u", ref->file_id,
                                                unknot_step_get_line (step));

      g_test_message ("%s", where);
      /* A short order: "Knead the calf". */
      g_assert_cmpuint (g_utf8_strlen (title, -1), <=, 50);
      g_assert_true (g_ascii_isupper (title[0]));
      g_assert_false (g_str_has_suffix (title, "."));
      /* Two to four plain sentences. */
      g_assert_cmpuint (count_sentences (instructions), >=, 2);
      g_assert_cmpuint (count_sentences (instructions), <=, 4);
      assert_no_promise (where, title);
      assert_no_promise (where, instructions);

      for (guint c = 0; c < unknot_step_get_n_cues (step); c++)
        {
          UnknotCue *cue = unknot_step_get_cue (step, c);

          g_assert_cmpuint (g_utf8_strlen (unknot_cue_get_text (cue), -1), <=, 80);
          g_assert_false (g_str_has_suffix (unknot_cue_get_text (cue), "."));
          assert_no_promise (where, unknot_cue_get_text (cue));
        }
    }

  for (guint i = 0; i < library->len; i++)
    {
      Shipped *shipped = g_ptr_array_index (library, i);

      assert_no_promise (shipped->file_id, unknot_routine_get_name (shipped->routine));
      assert_no_promise (shipped->file_id, unknot_routine_get_description (shipped->routine));
      assert_no_promise (shipped->file_id, unknot_routine_get_safety (shipped->routine));
    }
}

static void
test_promises_are_caught (void)
{
  g_assert_nonnull (find_promise ("Rolling flushes lactic acid out of the calves."));
  g_assert_nonnull (find_promise ("Regular massage prevents injuries."));
  g_assert_null (find_promise ("If the heel hurts, ask a health professional."));
}

/* ---- the library as a whole --------------------------------------------------------- */

static void
test_vocabulary_coverage (void)
{
  gboolean regions[UNKNOT_N_REGIONS] = { FALSE };
  gboolean techniques[UNKNOT_N_TECHNIQUES] = { FALSE };
  gboolean tools[UNKNOT_N_TOOLS] = { FALSE };

  for (guint i = 0; i < all_steps->len; i++)
    {
      UnknotStep *step = g_array_index (all_steps, StepRef, i).step;

      regions[unknot_step_get_region (step)] = TRUE;
      techniques[unknot_step_get_technique (step)] = TRUE;
      tools[unknot_step_get_tool (step)] = TRUE;
    }

  /* Used, or listed as an exception, never both: an exception that is used after all
   * should leave the list. */
  for (guint r = 0; r < UNKNOT_N_REGIONS; r++)
    {
      gboolean excepted = in_list (r, unused_regions, G_N_ELEMENTS (unused_regions));

      g_test_message ("region %s", unknot_vocabulary_get_id (UNKNOT_VOCABULARY_REGION, r));
      g_assert_true (regions[r] != excepted);
    }
  for (guint t = 0; t < UNKNOT_N_TECHNIQUES; t++)
    {
      gboolean excepted = in_list (t, unused_techniques, G_N_ELEMENTS (unused_techniques));

      g_test_message ("technique %s", unknot_vocabulary_get_id (UNKNOT_VOCABULARY_TECHNIQUE, t));
      g_assert_true (techniques[t] != excepted);
    }
  for (guint t = 0; t < UNKNOT_N_TOOLS; t++)
    g_assert_true (tools[t]);
}

/* ---- routines with rules of their own ----------------------------------------------- */

static void
test_warm_up_is_light (void)
{
  UnknotRoutine *routine = find_routine ("pre-run-warm-up");
  gint64 total = unknot_routine_get_total (routine, UNKNOT_DEFAULT_PREPARE_MS,
                                           UNKNOT_DEFAULT_SWITCH_GAP_MS);

  g_assert_cmpint (total, <=, 6 * 60 * 1000);
  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      UnknotStep *step = unknot_routine_get_item (routine, i);
      UnknotTechnique technique = unknot_step_get_technique (step);

      /* Light and brisk: strokes, tapping and shaking, no deep work. */
      g_assert_cmpint (unknot_step_get_pressure (step), !=, UNKNOT_PRESSURE_FIRM);
      g_assert_true (technique == UNKNOT_TECHNIQUE_EFFLEURAGE
                     || technique == UNKNOT_TECHNIQUE_TAPOTEMENT
                     || technique == UNKNOT_TECHNIQUE_VIBRATION);
      g_assert_cmpint (unknot_step_get_tool (step), ==, UNKNOT_TOOL_HANDS);
    }
}

static void
test_post_run_recovery_is_hands_only (void)
{
  UnknotRoutine *routine = find_routine ("post-run-recovery");

  g_assert_cmpuint (unknot_routine_get_tools (routine), ==, 1u << UNKNOT_TOOL_HANDS);
}

static void
assert_percussion_step_is_safe (const char *file_id,
                                UnknotStep *step)
{
  g_test_message ("%s, line %u", file_id, unknot_step_get_line (step));
  g_assert_true (in_list (unknot_step_get_region (step), percussion_regions,
                            G_N_ELEMENTS (percussion_regions)));
  g_assert_true (unknot_step_get_pressure (step) == UNKNOT_PRESSURE_LIGHT
                 || unknot_step_get_pressure (step) == UNKNOT_PRESSURE_MEDIUM);
  if (unknot_step_get_region (step) == UNKNOT_REGION_IT_BAND)
    g_assert_cmpint (unknot_step_get_pressure (step), ==, UNKNOT_PRESSURE_LIGHT);
  /* Short times per muscle, and a cue to move on within a longer one. */
  g_assert_cmpint (unknot_step_get_duration (step), <=, PERCUSSION_MAX_MS);
  if (unknot_step_get_duration (step) > 30 * 1000)
    g_assert_cmpuint (unknot_step_get_n_cues (step), >=, 1);
}

static void
test_percussion_device_is_safe (void)
{
  UnknotRoutine *routine = find_routine ("percussion-device-legs");
  guint n_device_steps = 0;

  /* Every step of the routine, by hand or with the device, stays on large muscles. */
  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      UnknotStep *step = unknot_routine_get_item (routine, i);

      if (unknot_step_get_kind (step) != UNKNOT_STEP_KIND_STEP)
        continue;
      g_assert_true (in_list (unknot_step_get_region (step), percussion_regions,
                                G_N_ELEMENTS (percussion_regions)));
      n_device_steps += unknot_step_get_tool (step) == UNKNOT_TOOL_PERCUSSION_DEVICE;
    }
  g_assert_cmpuint (n_device_steps, >=, 4);

  /* And so does the device wherever else it is used. */
  for (guint i = 0; i < all_steps->len; i++)
    {
      StepRef *ref = &g_array_index (all_steps, StepRef, i);

      if (unknot_step_get_tool (ref->step) == UNKNOT_TOOL_PERCUSSION_DEVICE)
        assert_percussion_step_is_safe (ref->file_id, ref->step);
    }
}

static void
test_after_long_run_stays_gentle (void)
{
  UnknotRoutine *routine = find_routine ("after-long-run");
  guint32 tools = unknot_routine_get_tools (routine);

  /* After a long run the legs are tired: no firm pressure, foam roller and hands. */
  g_assert_cmpuint (tools, ==, (1u << UNKNOT_TOOL_HANDS) | (1u << UNKNOT_TOOL_FOAM_ROLLER));
  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    g_assert_cmpint (unknot_step_get_pressure (unknot_routine_get_item (routine, i)), !=,
                     UNKNOT_PRESSURE_FIRM);
}

/* ---- the rules of the review (routines/README.md, "Writing good routines") ---------- */

static void
test_switch_for_turning (void)
{
  for (guint i = 0; i < all_steps->len; i++)
    {
      StepRef *ref = &g_array_index (all_steps, StepRef, i);

      if (!needs_turning_time (ref->step))
        continue;
      g_test_message ("%s, line %u", ref->file_id, unknot_step_get_line (ref->step));
      g_assert_cmpint (switch_gap_of (ref->step), >=, TURNING_MIN_MS);
    }
}

static void
test_technique_words (void)
{
  for (guint i = 0; i < all_steps->len; i++)
    {
      StepRef *ref = &g_array_index (all_steps, StepRef, i);
      const char *problem = technique_lint (unknot_step_get_technique (ref->step),
                                            unknot_step_get_instructions (ref->step));

      if (problem != NULL)
        g_test_message ("%s, line %u: %s", ref->file_id, unknot_step_get_line (ref->step),
                        problem);
      g_assert_null (problem);
    }
}

/* The lint catches what the review found. */
static void
test_technique_lint_catches (void)
{
  /* Thumb circles called kneading. */
  g_assert_nonnull (technique_lint (UNKNOT_TECHNIQUE_PETRISSAGE,
                                    "Press your thumbs into the sole in small circles."));
  /* A roller that stays still. */
  g_assert_nonnull (technique_lint (UNKNOT_TECHNIQUE_ROLLING,
                                    "Roll to the most tender place and stop there. Stay still."));
  /* Bending the knee on a ball that never rolls. */
  g_assert_nonnull (technique_lint (UNKNOT_TECHNIQUE_ROLLING,
                                    "Slowly straighten and bend the knee on the ball."));
  g_assert_null (technique_lint (UNKNOT_TECHNIQUE_PETRISSAGE,
                                 "Squeeze the muscle, lift it a little, then let go."));
  g_assert_null (technique_lint (UNKNOT_TECHNIQUE_ROLLING,
                                 "Roll slowly from the ankle to the knee."));
}

static gint64
rest_before (UnknotRoutine *routine,
             guint          index)
{
  UnknotStep *before;

  if (index == 0)
    {
      gint64 prepare = unknot_routine_get_prepare (routine);
      return prepare >= 0 ? prepare : UNKNOT_DEFAULT_PREPARE_MS;
    }
  before = unknot_routine_get_item (routine, index - 1);
  return unknot_step_get_kind (before) == UNKNOT_STEP_KIND_REST
           ? unknot_step_get_duration (before) : 0;
}

/* Getting down to the floor or up from it takes time, and a user who follows by ear
 * hears only the title: it must say the new position, after a rest. */
static void
test_rest_before_floor_change (void)
{
  for (guint r = 0; r < library->len; r++)
    {
      Shipped *shipped = g_ptr_array_index (library, r);
      Position now = POSITION_UNSAID;

      for (guint i = 0; i < unknot_routine_get_n_items (shipped->routine); i++)
        {
          UnknotStep *step = unknot_routine_get_item (shipped->routine, i);
          Position next;

          if (unknot_step_get_kind (step) != UNKNOT_STEP_KIND_STEP)
            continue;
          next = position_of_step (step);
          if (next != POSITION_UNSAID && now != POSITION_UNSAID && next != now)
            {
              g_test_message ("%s, line %u", shipped->file_id, unknot_step_get_line (step));
              g_assert_cmpint (position_of_text (unknot_step_get_title (step)), ==, next);
              g_assert_cmpint (rest_before (shipped->routine, i), >=, MOVING_MIN_MS);
            }
          if (next != POSITION_UNSAID)
            now = next;
        }
    }
}

static void
test_position_words (void)
{
  g_assert_cmpint (position_of_text ("Lie face down and roll the front of the thigh"), ==,
                   POSITION_FLOOR);
  g_assert_cmpint (position_of_text ("Kneel on one knee on a cushion."), ==, POSITION_FLOOR);
  g_assert_cmpint (position_of_text ("Stand up and stretch the calf"), ==, POSITION_UP);
  g_assert_cmpint (position_of_text ("Sit on a chair and stroke the calf"), ==, POSITION_UP);
  g_assert_cmpint (position_of_text ("Stretch the calf"), ==, POSITION_UNSAID);
}

/* The next step starts at once: the first step with a roller, ball, stick or device
 * comes after a rest long enough to fetch it. */
static void
test_rest_before_first_tool (void)
{
  for (guint r = 0; r < library->len; r++)
    {
      Shipped *shipped = g_ptr_array_index (library, r);
      gboolean seen[UNKNOT_N_TOOLS] = { FALSE };

      for (guint i = 0; i < unknot_routine_get_n_items (shipped->routine); i++)
        {
          UnknotStep *step = unknot_routine_get_item (shipped->routine, i);
          UnknotTool tool = unknot_step_get_tool (step);

          if (unknot_step_get_kind (step) != UNKNOT_STEP_KIND_STEP || tool == UNKNOT_TOOL_HANDS
              || seen[tool])
            continue;
          seen[tool] = TRUE;
          g_test_message ("%s, line %u", shipped->file_id, unknot_step_get_line (step));
          g_assert_cmpint (rest_before (shipped->routine, i), >=, MOVING_MIN_MS);
        }
    }
}

static gboolean
works_region (UnknotRoutine *routine,
              UnknotRegion   region)
{
  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      UnknotStep *step = unknot_routine_get_item (routine, i);

      if (unknot_step_get_kind (step) == UNKNOT_STEP_KIND_STEP
          && unknot_step_get_region (step) == region)
        return TRUE;
    }
  return FALSE;
}

/* Stricter than the validator: every routine that works the calves, even lightly by
 * hand, carries the standard safety block of the guide. */
static void
test_calf_safety_block (void)
{
  guint n_calf_routines = 0;

  for (guint r = 0; r < library->len; r++)
    {
      Shipped *shipped = g_ptr_array_index (library, r);
      g_autofree char *safety = NULL;

      if (!works_region (shipped->routine, UNKNOT_REGION_CALVES))
        continue;
      n_calf_routines++;
      safety = g_utf8_strdown (unknot_routine_get_safety (shipped->routine), -1);
      g_test_message ("%s", shipped->file_id);
      g_assert_nonnull (strstr (safety, "varicose veins"));
      g_assert_nonnull (strstr (safety, "blood-thinning medicine"));
      g_assert_nonnull (strstr (safety, "bruise easily"));
      g_assert_nonnull (strstr (safety, "pregnant"));
      g_assert_nonnull (strstr (safety, "painful, swollen, warm or red"));
      g_assert_nonnull (strstr (safety, "sharp pain, tingling or numbness"));
    }
  g_assert_cmpuint (n_calf_routines, >=, 10);
}

static void
assert_hands_only_and_gentle (UnknotRoutine *routine)
{
  g_assert_cmpuint (unknot_routine_get_tools (routine), ==, 1u << UNKNOT_TOOL_HANDS);
  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      UnknotStep *step = unknot_routine_get_item (routine, i);
      UnknotPressure pressure = unknot_step_get_pressure (step);

      if (unknot_step_get_kind (step) == UNKNOT_STEP_KIND_STEP)
        g_assert_true (pressure == UNKNOT_PRESSURE_LIGHT || pressure == UNKNOT_PRESSURE_MEDIUM);
    }
}

/* The first days after a race: hands only, light or medium, about eight minutes. */
static void
test_after_race_is_gentle (void)
{
  UnknotRoutine *routine = find_routine ("after-race");

  assert_hands_only_and_gentle (routine);
  g_assert_cmpuint (unknot_claimed_minutes (unknot_routine_get_description (routine)), ==, 8);
}

/* In the start area: standing, no floor, no tools, about three minutes. */
static void
test_race_morning_stays_standing (void)
{
  UnknotRoutine *routine = find_routine ("race-morning");

  assert_hands_only_and_gentle (routine);
  g_assert_cmpuint (unknot_claimed_minutes (unknot_routine_get_description (routine)), ==, 3);
  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      UnknotStep *step = unknot_routine_get_item (routine, i);
      g_autofree char *words = g_utf8_strdown (unknot_step_get_instructions (step), -1);

      g_assert_cmpint (position_of_step (step), !=, POSITION_FLOOR);
      g_assert_null (strstr (words, "floor"));
      g_assert_null (strstr (words, "sit"));
    }
}

/* Hours of sitting: the note names the clot signs and asks the user to get up. */
static void
test_travel_day_warns_of_clots (void)
{
  UnknotRoutine *routine = find_routine ("travel-day");
  g_autofree char *safety = g_utf8_strdown (unknot_routine_get_safety (routine), -1);

  g_assert_nonnull (strstr (safety, "blood clot"));
  g_assert_nonnull (strstr (safety, "painful, swollen, warm or red"));
  g_assert_nonnull (strstr (safety, "short of breath"));
  g_assert_true (works_region (routine, UNKNOT_REGION_ANKLES));
  g_assert_true (works_region (routine, UNKNOT_REGION_HIP_FLEXORS));
}

/* "Just ran?" has an answer for every kind of run, even with only a quarter of an hour:
 * some shipped routine of 15 minutes or less suits it. Routines for before a run, a
 * desk day, a rest day or travel say they suit none. Right after a race, only hands
 * and no firm pressure. */
static void
test_suits_every_run (void)
{
  static const char *const not_after_a_run[] = {
    "pre-run-warm-up", "race-morning", "desk-day-hips-and-legs",
    "desk-day-neck-and-shoulders", "rest-day-lower-body", "travel-day", NULL
  };
  guint32 covered = 0;

  for (guint i = 0; i < library->len; i++)
    {
      Shipped *shipped = g_ptr_array_index (library, i);
      guint32 suits = unknot_routine_get_suits (shipped->routine);
      gint64 total = unknot_routine_get_total (shipped->routine, UNKNOT_DEFAULT_PREPARE_MS,
                                               UNKNOT_DEFAULT_SWITCH_GAP_MS);

      g_test_message ("%s suits 0x%x", shipped->file_id, suits);
      if (g_strv_contains (not_after_a_run, shipped->file_id))
        g_assert_cmpuint (suits, ==, 0);
      else
        g_assert_cmpuint (suits, !=, 0);
      if (total <= 15 * 60 * 1000)
        covered |= suits;
      if (suits & (1u << UNKNOT_RUN_KIND_RACE))
        for (guint s = 0; s < unknot_routine_get_n_items (shipped->routine); s++)
          {
            UnknotStep *step = unknot_routine_get_item (shipped->routine, s);

            if (unknot_step_get_kind (step) != UNKNOT_STEP_KIND_STEP)
              continue;
            g_assert_cmpint (unknot_step_get_tool (step), ==, UNKNOT_TOOL_HANDS);
            g_assert_cmpint (unknot_step_get_pressure (step), !=, UNKNOT_PRESSURE_FIRM);
          }
    }
  g_assert_cmpuint (covered, ==, (1u << UNKNOT_N_RUN_KINDS) - 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  load_library ();

  g_test_add_func ("/shipped-routines/all-valid", test_all_valid);
  g_test_add_func ("/shipped-routines/ids-match-file-names", test_ids_match_file_names);
  g_test_add_func ("/shipped-routines/build-tree-copy", test_build_tree_copy);
  g_test_add_func ("/shipped-routines/texts-about-the-routine", test_texts_about_the_routine);
  g_test_add_func ("/shipped-routines/claim-reader", test_claim_reader);
  g_test_add_func ("/shipped-routines/claimed-length", test_claimed_length);
  g_test_add_func ("/shipped-routines/light-start-and-finish", test_light_start_and_finish);
  g_test_add_func ("/shipped-routines/steps", test_steps);
  g_test_add_func ("/shipped-routines/step-texts", test_step_texts);
  g_test_add_func ("/shipped-routines/promises-are-caught", test_promises_are_caught);
  g_test_add_func ("/shipped-routines/vocabulary-coverage", test_vocabulary_coverage);
  g_test_add_func ("/shipped-routines/warm-up-is-light", test_warm_up_is_light);
  g_test_add_func ("/shipped-routines/post-run-recovery-is-hands-only",
                   test_post_run_recovery_is_hands_only);
  g_test_add_func ("/shipped-routines/percussion-device-is-safe", test_percussion_device_is_safe);
  g_test_add_func ("/shipped-routines/after-long-run-stays-gentle",
                   test_after_long_run_stays_gentle);

  g_test_add_func ("/shipped-routines/switch-for-turning", test_switch_for_turning);
  g_test_add_func ("/shipped-routines/technique-words", test_technique_words);
  g_test_add_func ("/shipped-routines/technique-lint-catches", test_technique_lint_catches);
  g_test_add_func ("/shipped-routines/rest-before-floor-change", test_rest_before_floor_change);
  g_test_add_func ("/shipped-routines/position-words", test_position_words);
  g_test_add_func ("/shipped-routines/rest-before-first-tool", test_rest_before_first_tool);
  g_test_add_func ("/shipped-routines/calf-safety-block", test_calf_safety_block);
  g_test_add_func ("/shipped-routines/after-race-is-gentle", test_after_race_is_gentle);
  g_test_add_func ("/shipped-routines/suits-every-run", test_suits_every_run);
  g_test_add_func ("/shipped-routines/race-morning-stays-standing",
                   test_race_morning_stays_standing);
  g_test_add_func ("/shipped-routines/travel-day-warns-of-clots", test_travel_day_warns_of_clots);

  status = g_test_run ();
  g_array_unref (all_steps);
  g_ptr_array_unref (library);
  return status;
}
