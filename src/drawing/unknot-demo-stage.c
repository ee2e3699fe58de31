/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "unknot-body-figure.h"
#include "unknot-demo-stage.h"

/* The stage of a demonstration: one region of the body figure, cut out of the view that
 * shows it and enlarged, lit as the body map lights it. Everything comes from the
 * figure's geometry (the region's shape and where the heart lies), so any region of
 * the vocabulary has a stage and no picture is drawn for one.
 *
 * The figure's front view holds the left half of the artwork, the back view the right
 * half; a region is shown on the front if the front has it, as the front is the side a
 * person sees of themselves, and on the back otherwise (neck, glutes, hamstrings,
 * calves, achilles). */

#define MARGIN 1.35         /* the cut-out is this many times the region's larger side */
#define MIN_CUT 70.0        /* in the figure's units: small regions keep some body around */

static void
figure_size (RsvgHandle *svg,
             double     *width,
             double     *height)
{
  RsvgRectangle viewport = unknot_body_figure_get_viewport (svg, 400, 440);

  /* The viewport of a map the figure's own size is the figure itself. */
  *width = viewport.width;
  *height = viewport.height;
}

static gboolean
find_shape (RsvgHandle    *svg,
            const char    *view,
            UnknotRegion   region,
            gboolean       right,
            char         **id,
            RsvgRectangle *ink)
{
  g_autofree char *candidate =
    unknot_body_figure_element_id (view, region, right ? UNKNOT_SIDE_RIGHT : UNKNOT_SIDE_LEFT);

  if (!unknot_body_figure_get_shape_bounds (svg, candidate, 400, 440, ink))
    return FALSE;
  *id = g_steal_pointer (&candidate);
  return TRUE;
}

/* Where the heart lies on the view, in the figure's units: the chest on the front, the
 * upper back on the back, a little left of the middle does not matter at this size. */
static void
find_heart (RsvgHandle *svg,
            gboolean    front,
            double     *x,
            double     *y)
{
  RsvgRectangle ink = { front ? 100 : 300, 120, 0, 0 };

  unknot_body_figure_get_shape_bounds (svg, front ? "#front-chest" : "#back-upper-back",
                                       400, 440, &ink);
  *x = ink.x + ink.width / 2;
  *y = ink.y + ink.height / 2;
}

/* The region's long side, pointed toward the heart; a region around the heart itself
 * (the chest, the upper back) is worked upward. */
static void
find_direction (UnknotDemoStage     *stage,
                const RsvgRectangle *ink,
                double               heart_x,
                double               heart_y)
{
  double dx = heart_x - (ink->x + ink->width / 2);
  double dy = heart_y - (ink->y + ink->height / 2);

  stage->along_x = stage->along_y = 0;
  if (ink->height >= ink->width || fabs (dy) > 2 * fabs (dx))
    stage->along_y = fabs (dy) < 8 ? -1 : copysign (1, dy);
  else
    stage->along_x = fabs (dx) < 8 ? -1 : copysign (1, dx);
}

/**
 * unknot_demo_stage_init:
 * @side: %UNKNOT_SIDE_RIGHT shows the right one of a region with sides; any other side
 *   the left one
 *
 * Sets @stage up for a drawing of @width × @height. Free it with
 * unknot_demo_stage_clear().
 */
void
unknot_demo_stage_init (UnknotDemoStage *stage,
                        UnknotRegion     region,
                        UnknotSide       side,
                        double           width,
                        double           height)
{
  RsvgHandle *svg = unknot_body_figure_get ();
  RsvgRectangle ink = { 100, 200, 20, 20 };
  double figure_width, figure_height, cut_width, cut_height, scale, heart_x, heart_y;
  gboolean front;

  g_return_if_fail (region < UNKNOT_N_REGIONS);

  *stage = (UnknotDemoStage) { .region = region, .right = side == UNKNOT_SIDE_RIGHT };
  stage->width = MAX (width, 1);
  stage->height = MAX (height, 1);
  figure_size (svg, &figure_width, &figure_height);
  front = find_shape (svg, "front", region, stage->right, &stage->shape_id, &ink);
  if (!front)
    find_shape (svg, "back", region, stage->right, &stage->shape_id, &ink);
  find_heart (svg, front, &heart_x, &heart_y);
  find_direction (stage, &ink, heart_x, heart_y);

  /* A square around the region, widened to the drawing's proportions. */
  cut_width = cut_height = MAX (MAX (ink.width, ink.height) * MARGIN, MIN_CUT);
  if (stage->width / stage->height > 1)
    cut_width = cut_height * stage->width / stage->height;
  else
    cut_height = cut_width * stage->height / stage->width;
  scale = stage->width / cut_width;

  stage->centre_x = stage->width / 2;
  stage->centre_y = stage->height / 2;
  stage->viewport = (RsvgRectangle) {
    stage->centre_x - (ink.x + ink.width / 2) * scale,
    stage->centre_y - (ink.y + ink.height / 2) * scale,
    figure_width * scale, figure_height * scale
  };
  stage->view = (RsvgRectangle) {
    stage->viewport.x + (front ? 0 : stage->viewport.width / 2), stage->viewport.y,
    stage->viewport.width / 2, stage->viewport.height
  };
  stage->length = (stage->along_y != 0 ? ink.height : ink.width) * scale;
  stage->breadth = (stage->along_y != 0 ? ink.width : ink.height) * scale;
  stage->mark = CLAMP (MIN (stage->breadth * 0.45, stage->length * 0.3),
                       MIN (stage->width, stage->height) * 0.09,
                       MIN (stage->width, stage->height) * 0.14);
  /* A narrow region (the adductors, the achilles) still has room for two hands side by
   * side, even if they reach past its edges. */
  stage->breadth = MAX (stage->breadth, stage->mark * 2.2);
}

void
unknot_demo_stage_clear (UnknotDemoStage *stage)
{
  g_clear_pointer (&stage->shape_id, g_free);
}

/* Draws the enlarged figure with the region lit in @accent. */
void
unknot_demo_stage_draw_region (const UnknotDemoStage *stage,
                               cairo_t               *cr,
                               const double           accent[4])
{
  cairo_save (cr);
  cairo_rectangle (cr, stage->view.x, stage->view.y, stage->view.width, stage->view.height);
  cairo_clip (cr);
  rsvg_handle_render_document (unknot_body_figure_get (), cr, &stage->viewport, NULL);
  unknot_body_figure_paint_regions (cr, &stage->viewport, 1u << stage->region,
                                    stage->right ? UNKNOT_SIDE_RIGHT : UNKNOT_SIDE_LEFT,
                                    accent);
  cairo_restore (cr);
}

/* The drawing's coordinates of a position (along, across) on the region. */
void
unknot_demo_stage_point (const UnknotDemoStage *stage,
                         double                 along,
                         double                 across,
                         double                *x,
                         double                *y)
{
  double a = along * stage->length / 2;
  double b = (stage->right ? -across : across) * stage->breadth / 2;

  /* "across" is "along" turned a quarter clockwise. */
  *x = stage->centre_x + stage->along_x * a - stage->along_y * b;
  *y = stage->centre_y + stage->along_y * a + stage->along_x * b;
}

/* The angle of the direction toward the heart, in radians as cairo counts them. */
double
unknot_demo_stage_angle (const UnknotDemoStage *stage)
{
  return atan2 (stage->along_y, stage->along_x);
}
