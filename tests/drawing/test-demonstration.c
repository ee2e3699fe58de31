/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-demo-motion.h"

/* The demonstrations, drawn without a display: every technique on every region with
 * every tool, on either side, moving and at rest, draws something and raises no
 * warning (the tests run with fatal warnings, so a critical fails them); the motion
 * moves, the still differs from the motion, the right side is the left one's mirror
 * image on the other side of the body, and the tempo follows the pressure. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

#define SIZE 96

static const UnknotDemoPalette palette = {
  { 0.1, 0.1, 0.1, 1 }, { 1, 1, 1, 0.9 },
};
static const double accent[4] = { 0.2, 0.5, 0.9, 0.6 };

static cairo_surface_t *
draw (UnknotTechnique technique,
      UnknotRegion    region,
      UnknotTool      tool,
      UnknotSide      side,
      double          cycles,
      gboolean        with_region)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);
  UnknotDemoStage stage;

  unknot_demo_stage_init (&stage, region, side, SIZE, SIZE);
  if (with_region)
    unknot_demo_stage_draw_region (&stage, cr, accent);
  unknot_demo_motion_draw (&stage, cr, technique, tool, cycles, &palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  unknot_demo_stage_clear (&stage);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gsize
count_ink (cairo_surface_t *surface)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  gsize n = 0;

  for (gsize i = 0; i < (gsize) cairo_image_surface_get_stride (surface) * SIZE; i += 4)
    n += data[i + 3] != 0;
  return n;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) cairo_image_surface_get_stride (a) * SIZE) == 0;
}

static void
test_every_combination_draws (void)
{
  static const double times[] = { UNKNOT_DEMO_AT_REST, 0.0, 0.37, 1.81 };
  guint drawn = 0;

  for (UnknotTechnique t = 0; t < UNKNOT_N_TECHNIQUES; t++)
    for (UnknotRegion r = 0; r < UNKNOT_N_REGIONS; r++)
      for (UnknotTool tool = 0; tool < UNKNOT_N_TOOLS; tool++)
        for (UnknotSide side = 0; side < UNKNOT_N_SIDES; side++)
          for (guint i = 0; i < G_N_ELEMENTS (times); i++)
            {
              g_autoptr (cairo_surface_t) motion = draw (t, r, tool, side, times[i], FALSE);

              if (count_ink (motion) == 0)
                g_error ("%s on %s with %s at %g draws nothing",
                         unknot_vocabulary_get_id (UNKNOT_VOCABULARY_TECHNIQUE, t),
                         unknot_vocabulary_get_id (UNKNOT_VOCABULARY_REGION, r),
                         unknot_vocabulary_get_id (UNKNOT_VOCABULARY_TOOL, tool), times[i]);
              drawn++;
            }
  g_assert_cmpuint (drawn, ==, UNKNOT_N_TECHNIQUES * UNKNOT_N_REGIONS * UNKNOT_N_TOOLS
                               * UNKNOT_N_SIDES * G_N_ELEMENTS (times));
}

/* The region itself is lit on its stage, for every region and side. */
static void
test_every_region_has_a_stage (void)
{
  for (UnknotRegion r = 0; r < UNKNOT_N_REGIONS; r++)
    {
      g_autoptr (cairo_surface_t) bare = draw (UNKNOT_TECHNIQUE_ROLLING, r, UNKNOT_TOOL_HANDS,
                                               UNKNOT_SIDE_LEFT, UNKNOT_DEMO_AT_REST, FALSE);
      g_autoptr (cairo_surface_t) staged = draw (UNKNOT_TECHNIQUE_ROLLING, r, UNKNOT_TOOL_HANDS,
                                                 UNKNOT_SIDE_LEFT, UNKNOT_DEMO_AT_REST, TRUE);

      g_assert_cmpuint (count_ink (staged), >, count_ink (bare) + SIZE * SIZE / 10);
    }
}

static void
test_motion_moves (void)
{
  for (UnknotTechnique t = 0; t < UNKNOT_N_TECHNIQUES; t++)
    {
      g_autoptr (cairo_surface_t) early = draw (t, UNKNOT_REGION_CALVES, UNKNOT_TOOL_HANDS,
                                                UNKNOT_SIDE_LEFT, 0.12, TRUE);
      g_autoptr (cairo_surface_t) later = draw (t, UNKNOT_REGION_CALVES, UNKNOT_TOOL_HANDS,
                                                UNKNOT_SIDE_LEFT, 0.55, TRUE);
      g_autoptr (cairo_surface_t) still = draw (t, UNKNOT_REGION_CALVES, UNKNOT_TOOL_HANDS,
                                                UNKNOT_SIDE_LEFT, UNKNOT_DEMO_AT_REST, TRUE);

      g_assert_false (same_pixels (early, later));
      g_assert_false (same_pixels (early, still));
    }
}

/* The right calf is the other shape of the figure, so the drawing differs from the
 * left one's; mirrored back, it is close to it. */
static void
test_right_side_is_mirrored (void)
{
  UnknotDemoStage left, right;
  double lx, ly, rx, ry;

  unknot_demo_stage_init (&left, UNKNOT_REGION_QUADRICEPS, UNKNOT_SIDE_LEFT, SIZE, SIZE);
  unknot_demo_stage_init (&right, UNKNOT_REGION_QUADRICEPS, UNKNOT_SIDE_RIGHT, SIZE, SIZE);
  g_assert_cmpstr (left.shape_id, ==, "#front-quadriceps-left");
  g_assert_cmpstr (right.shape_id, ==, "#front-quadriceps-right");
  /* A thigh is worked upward, toward the heart. */
  g_assert_cmpfloat (left.along_y, ==, -1);
  /* A point across the region lies on the mirrored side. */
  unknot_demo_stage_point (&left, 0, 0.8, &lx, &ly);
  unknot_demo_stage_point (&right, 0, 0.8, &rx, &ry);
  g_assert_cmpfloat ((lx - SIZE / 2.0) * (rx - SIZE / 2.0), <, 0);
  g_assert_cmpfloat_with_epsilon (ly, ry, 0.5);
  unknot_demo_stage_clear (&left);
  unknot_demo_stage_clear (&right);
}

/* Regions the front does not show are shown from the back. */
static void
test_back_regions (void)
{
  UnknotDemoStage stage;

  unknot_demo_stage_init (&stage, UNKNOT_REGION_HAMSTRINGS, UNKNOT_SIDE_RIGHT, SIZE, SIZE);
  g_assert_cmpstr (stage.shape_id, ==, "#back-hamstrings-right");
  unknot_demo_stage_clear (&stage);
  unknot_demo_stage_init (&stage, UNKNOT_REGION_NECK, UNKNOT_SIDE_EACH, SIZE, SIZE);
  g_assert_cmpstr (stage.shape_id, ==, "#back-neck");
  /* The neck is worked down, toward the heart. */
  g_assert_cmpfloat (stage.along_y, ==, 1);
  unknot_demo_stage_clear (&stage);
}

static void
test_tempo_follows_pressure (void)
{
  for (UnknotTechnique t = 0; t < UNKNOT_N_TECHNIQUES; t++)
    {
      double light = unknot_demo_motion_get_cycle_seconds (t, UNKNOT_PRESSURE_LIGHT);
      double medium = unknot_demo_motion_get_cycle_seconds (t, UNKNOT_PRESSURE_MEDIUM);
      double firm = unknot_demo_motion_get_cycle_seconds (t, UNKNOT_PRESSURE_FIRM);

      g_assert_cmpfloat (light, <, medium);
      g_assert_cmpfloat (medium, <, firm);
      g_assert_cmpfloat (unknot_demo_motion_get_cycle_seconds (t, UNKNOT_PRESSURE_UNSPECIFIED),
                         ==, medium);
    }
  /* Friction's small circles are quicker than a held press. */
  g_assert_cmpfloat (unknot_demo_motion_get_cycle_seconds (UNKNOT_TECHNIQUE_FRICTION,
                                                           UNKNOT_PRESSURE_MEDIUM), <,
                     unknot_demo_motion_get_cycle_seconds (UNKNOT_TECHNIQUE_TRIGGER_POINT,
                                                           UNKNOT_PRESSURE_MEDIUM));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demonstration/every-combination", test_every_combination_draws);
  g_test_add_func ("/demonstration/every-region", test_every_region_has_a_stage);
  g_test_add_func ("/demonstration/motion-moves", test_motion_moves);
  g_test_add_func ("/demonstration/right-side", test_right_side_is_mirrored);
  g_test_add_func ("/demonstration/back-regions", test_back_regions);
  g_test_add_func ("/demonstration/tempo", test_tempo_follows_pressure);
  return g_test_run ();
}
