/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "unknot-vocabulary.h"

G_BEGIN_DECLS

/* A region of the body figure, enlarged to fill a drawing of a given size, and the
 * directions a demonstration moves in on it. Positions on the stage are given as
 * (along, across), each from -1 to 1: "along" runs the region's length, from its end
 * away from the heart (-1) to its end toward the heart (1); "across" runs its breadth,
 * mirrored for the right side. */
typedef struct
{
  UnknotRegion region;
  gboolean right;            /* the person's right side: the stage is mirrored */
  char *shape_id;            /* the region's shape in the figure, "#back-calves-left" */
  RsvgRectangle viewport;    /* where the whole figure lies, enlarged, in the drawing */
  RsvgRectangle view;        /* the enlarged view (front or back), to clip the other away */
  double width, height;      /* the drawing's size */
  double centre_x, centre_y; /* the region's centre, in the drawing */
  double along_x, along_y;   /* unit vector along the region, toward the heart */
  double length, breadth;    /* the region's size along and across, in the drawing */
  double mark;               /* the size of a hand or a tool, in the drawing */
} UnknotDemoStage;

void unknot_demo_stage_init        (UnknotDemoStage *stage,
                                    UnknotRegion     region,
                                    UnknotSide       side,
                                    double           width,
                                    double           height);
void unknot_demo_stage_clear       (UnknotDemoStage *stage);
void unknot_demo_stage_draw_region (const UnknotDemoStage *stage,
                                    cairo_t               *cr,
                                    const double           accent[4]);
void unknot_demo_stage_point       (const UnknotDemoStage *stage,
                                    double                 along,
                                    double                 across,
                                    double                *x,
                                    double                *y);
double unknot_demo_stage_angle     (const UnknotDemoStage *stage);

G_END_DECLS
