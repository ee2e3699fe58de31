/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-demo-motion.h"

G_BEGIN_DECLS

void unknot_demo_tool_draw  (const UnknotDemoStage   *stage,
                             cairo_t                 *cr,
                             UnknotTool               tool,
                             double                   along,
                             double                   across,
                             double                   opacity,
                             const UnknotDemoPalette *palette);
void unknot_demo_arrow_draw (const UnknotDemoStage   *stage,
                             cairo_t                 *cr,
                             double                   from_along,
                             double                   from_across,
                             double                   to_along,
                             double                   to_across,
                             gboolean                 both_ends,
                             const UnknotDemoPalette *palette);
void unknot_demo_ring_draw  (const UnknotDemoStage   *stage,
                             cairo_t                 *cr,
                             double                   along,
                             double                   across,
                             double                   radius,
                             double                   opacity,
                             const UnknotDemoPalette *palette);
void unknot_demo_circle_arrow_draw (const UnknotDemoStage   *stage,
                                    cairo_t                 *cr,
                                    double                   along,
                                    double                   across,
                                    double                   radius,
                                    gboolean                 clockwise,
                                    const UnknotDemoPalette *palette);
void unknot_demo_buzz_draw  (const UnknotDemoStage   *stage,
                             cairo_t                 *cr,
                             double                   along,
                             double                   across,
                             double                   shift,
                             const UnknotDemoPalette *palette);

G_END_DECLS
