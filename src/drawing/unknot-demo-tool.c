/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "unknot-demo-tool.h"

/* The marks a demonstration draws on its stage: a hand or a tool where it works, the
 * arrows of its motion, rings where it presses and arcs where it buzzes. Each is drawn
 * in the palette's ink with a halo around it, so that it reads on the lit region and on
 * the figure alike. Shapes are drawn in the region's own frame: x toward the heart, y
 * across. */

static double
line_width (const UnknotDemoStage *stage)
{
  return MAX (2.0, stage->mark * 0.12);
}

static void
set_colour (cairo_t      *cr,
            const double  rgba[4],
            double        opacity)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * opacity);
}

/* Fills the current path in ink, outlined with the halo. */
static void
fill_with_halo (cairo_t                 *cr,
                const UnknotDemoStage   *stage,
                double                   opacity,
                const UnknotDemoPalette *palette)
{
  cairo_set_line_width (cr, line_width (stage));
  set_colour (cr, palette->halo, opacity);
  cairo_stroke_preserve (cr);
  set_colour (cr, palette->ink, opacity * 0.9);
  cairo_fill (cr);
}

static void
stroke_with_halo (cairo_t                 *cr,
                  const UnknotDemoStage   *stage,
                  double                   opacity,
                  const UnknotDemoPalette *palette)
{
  double width = line_width (stage);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, width + 3);
  set_colour (cr, palette->halo, opacity);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, width);
  set_colour (cr, palette->ink, opacity);
  cairo_stroke (cr);
}

static void
ellipse (cairo_t *cr,
         double   x,
         double   y,
         double   radius_x,
         double   radius_y)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, radius_x, radius_y);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height)
{
  double radius = MIN (width, height) / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A palm with its fingers leading, toward the heart. */
static void
draw_hand (cairo_t *cr,
           double   mark)
{
  ellipse (cr, -mark * 0.1, 0, mark * 0.45, mark * 0.38);
  for (int f = 0; f < 4; f++)
    rounded_rectangle (cr, mark * 0.2, (f - 2) * mark * 0.17 + mark * 0.01,
                       mark * (f == 0 || f == 3 ? 0.42 : 0.52), mark * 0.15);
  rounded_rectangle (cr, -mark * 0.25, -mark * 0.55, mark * 0.4, mark * 0.15);
}

static void
draw_roller (cairo_t *cr,
             double   mark,
             double   reach)
{
  rounded_rectangle (cr, -mark * 0.45, -reach, mark * 0.9, 2 * reach);
}

static void
draw_stick (cairo_t *cr,
            double   mark,
            double   reach)
{
  rounded_rectangle (cr, -mark * 0.14, -reach, mark * 0.28, 2 * reach);
  rounded_rectangle (cr, -mark * 0.22, -reach - mark * 0.8, mark * 0.44, mark * 0.8);
  rounded_rectangle (cr, -mark * 0.22, reach, mark * 0.44, mark * 0.8);
}

/* The device's head on the point, its handle held off to the side. */
static void
draw_percussion_device (cairo_t *cr,
                        double   mark)
{
  ellipse (cr, 0, 0, mark * 0.3, mark * 0.3);
  rounded_rectangle (cr, -mark * 0.22, mark * 0.3, mark * 0.44, mark * 0.9);
  rounded_rectangle (cr, -mark * 0.5, mark * 1.15, mark * 1.0, mark * 0.4);
}

/* The ridges of a foam roller and the shine of a ball, in the halo's colour. */
static void
draw_tool_details (cairo_t                 *cr,
                   UnknotTool               tool,
                   double                   mark,
                   double                   reach,
                   double                   opacity,
                   const UnknotDemoPalette *palette)
{
  cairo_set_line_width (cr, MAX (1.0, mark * 0.06));
  set_colour (cr, palette->halo, opacity * 0.8);
  if (tool == UNKNOT_TOOL_FOAM_ROLLER)
    {
      for (double y = -reach + mark * 0.4; y < reach - mark * 0.2; y += mark * 0.4)
        {
          cairo_move_to (cr, -mark * 0.45, y);
          cairo_line_to (cr, mark * 0.45, y);
        }
      cairo_stroke (cr);
    }
  else if (tool == UNKNOT_TOOL_MASSAGE_BALL)
    {
      ellipse (cr, -mark * 0.18, -mark * 0.18, mark * 0.12, mark * 0.12);
      cairo_fill (cr);
    }
}

/**
 * unknot_demo_tool_draw:
 * @opacity: from 0 (gone) to 1
 *
 * Draws @tool (or a hand) working at (@along, @across) on the stage, lying across the
 * region as a roller or stick does.
 */
void
unknot_demo_tool_draw (const UnknotDemoStage   *stage,
                       cairo_t                 *cr,
                       UnknotTool               tool,
                       double                   along,
                       double                   across,
                       double                   opacity,
                       const UnknotDemoPalette *palette)
{
  double x, y, mark = stage->mark;
  double reach = MAX (stage->breadth * 0.6, mark * 1.6);

  if (opacity <= 0)
    return;
  unknot_demo_stage_point (stage, along, across, &x, &y);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, unknot_demo_stage_angle (stage));
  if (stage->right)
    cairo_scale (cr, 1, -1);
  cairo_new_path (cr);
  switch (tool)
    {
    case UNKNOT_TOOL_FOAM_ROLLER: draw_roller (cr, mark, reach); break;
    case UNKNOT_TOOL_MASSAGE_BALL: ellipse (cr, 0, 0, mark * 0.5, mark * 0.5); break;
    case UNKNOT_TOOL_MASSAGE_STICK: draw_stick (cr, mark, reach); break;
    case UNKNOT_TOOL_PERCUSSION_DEVICE: draw_percussion_device (cr, mark); break;
    case UNKNOT_TOOL_HANDS:
    default:
      draw_hand (cr, mark);
      break;
    }
  fill_with_halo (cr, stage, opacity, palette);
  draw_tool_details (cr, tool, mark, reach, opacity, palette);
  cairo_restore (cr);
}

static void
arrow_head (cairo_t *cr,
            double   x,
            double   y,
            double   angle,
            double   size)
{
  cairo_move_to (cr, x + size * cos (angle + 2.6), y + size * sin (angle + 2.6));
  cairo_line_to (cr, x, y);
  cairo_line_to (cr, x + size * cos (angle - 2.6), y + size * sin (angle - 2.6));
}

/* An arrow from one position to another, with a head at its end (and its start). */
void
unknot_demo_arrow_draw (const UnknotDemoStage   *stage,
                        cairo_t                 *cr,
                        double                   from_along,
                        double                   from_across,
                        double                   to_along,
                        double                   to_across,
                        gboolean                 both_ends,
                        const UnknotDemoPalette *palette)
{
  double x0, y0, x1, y1, angle, head = MAX (6.0, stage->mark * 0.35);

  unknot_demo_stage_point (stage, from_along, from_across, &x0, &y0);
  unknot_demo_stage_point (stage, to_along, to_across, &x1, &y1);
  angle = atan2 (y1 - y0, x1 - x0);
  cairo_new_path (cr);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  arrow_head (cr, x1, y1, angle, head);
  if (both_ends)
    arrow_head (cr, x0, y0, angle + G_PI, head);
  stroke_with_halo (cr, stage, 1.0, palette);
}

/* A circle around a position, as large as @radius times the mark. */
void
unknot_demo_ring_draw (const UnknotDemoStage   *stage,
                       cairo_t                 *cr,
                       double                   along,
                       double                   across,
                       double                   radius,
                       double                   opacity,
                       const UnknotDemoPalette *palette)
{
  double x, y;

  if (opacity <= 0 || radius <= 0)
    return;
  unknot_demo_stage_point (stage, along, across, &x, &y);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius * stage->mark, 0, 2 * G_PI);
  stroke_with_halo (cr, stage, opacity, palette);
}

/* Most of a circle with an arrow head, turning clockwise as seen on the left side. */
void
unknot_demo_circle_arrow_draw (const UnknotDemoStage   *stage,
                               cairo_t                 *cr,
                               double                   along,
                               double                   across,
                               double                   radius,
                               gboolean                 clockwise,
                               const UnknotDemoPalette *palette)
{
  double x, y, r = radius * stage->mark;
  double start = -G_PI / 2, end = start + 1.6 * G_PI;
  gboolean turns_clockwise = clockwise != stage->right;
  double tip_angle;

  unknot_demo_stage_point (stage, along, across, &x, &y);
  cairo_new_path (cr);
  if (turns_clockwise)
    cairo_arc (cr, x, y, r, start, end);
  else
    cairo_arc_negative (cr, x, y, r, -start, -end);
  tip_angle = turns_clockwise ? end + G_PI / 2 : -end - G_PI / 2;
  arrow_head (cr, x + r * cos (turns_clockwise ? end : -end),
              y + r * sin (turns_clockwise ? end : -end), tip_angle,
              MAX (5.0, stage->mark * 0.3));
  stroke_with_halo (cr, stage, 1.0, palette);
}

/* Arcs on either side of a position, as a buzzing thing is drawn; @shift moves them
 * out, for the motion. */
void
unknot_demo_buzz_draw (const UnknotDemoStage   *stage,
                       cairo_t                 *cr,
                       double                   along,
                       double                   across,
                       double                   shift,
                       const UnknotDemoPalette *palette)
{
  double x, y, angle = unknot_demo_stage_angle (stage);

  unknot_demo_stage_point (stage, along, across, &x, &y);
  for (int i = 0; i < 3; i++)
    for (int side = -1; side <= 1; side += 2)
      {
        double r = stage->mark * (0.75 + 0.3 * i + 0.3 * shift);
        double middle = angle + side * G_PI / 2 + G_PI / 2;

        cairo_new_path (cr);
        cairo_arc (cr, x, y, r, middle - 0.5, middle + 0.5);
        stroke_with_halo (cr, stage, 1.0 - 0.25 * i, palette);
      }
}
