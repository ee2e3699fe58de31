/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-demo-stage.h"

G_BEGIN_DECLS

/* The colours of the marks: ink for hands, tools and arrows, and a halo around them
 * that keeps them readable on the lit region. */
typedef struct
{
  double ink[4];
  double halo[4];
} UnknotDemoPalette;

#define UNKNOT_DEMO_AT_REST (-1.0)

double unknot_demo_motion_get_cycle_seconds (UnknotTechnique          technique,
                                             UnknotPressure           pressure);
void   unknot_demo_motion_draw              (const UnknotDemoStage   *stage,
                                             cairo_t                 *cr,
                                             UnknotTechnique          technique,
                                             UnknotTool               tool,
                                             double                   cycles,
                                             const UnknotDemoPalette *palette);

G_END_DECLS
