/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "unknot-vocabulary.h"

G_BEGIN_DECLS

/* Called with each shape's element id, "#front-calves-left". */
typedef void (*UnknotBodyFigureShapeFunc) (const char *id,
                                           gpointer    data);

void             unknot_body_figure_prepare_in_background (void);
RsvgHandle      *unknot_body_figure_get                   (void);
RsvgHandle      *unknot_body_figure_get_masks             (void);
void             unknot_body_figure_get_natural_size      (RsvgHandle    *figure,
                                                           int           *width,
                                                           int           *height);
int              unknot_body_figure_height_for_width      (RsvgHandle    *figure,
                                                           int            width);
RsvgRectangle    unknot_body_figure_get_viewport          (RsvgHandle    *figure,
                                                           double         width,
                                                           double         height);
gboolean         unknot_body_figure_get_shape_bounds      (RsvgHandle    *figure,
                                                           const char    *id,
                                                           int            width,
                                                           int            height,
                                                           RsvgRectangle *bounds);
cairo_surface_t *unknot_body_figure_draw                  (int            width,
                                                           int            height,
                                                           int            scale);
char            *unknot_body_figure_element_id            (const char    *view,
                                                           UnknotRegion   region,
                                                           UnknotSide     side);
void             unknot_body_figure_foreach_shape         (UnknotRegion   region,
                                                           UnknotSide     side,
                                                           UnknotBodyFigureShapeFunc func,
                                                           gpointer       data);
void             unknot_body_figure_paint_regions         (cairo_t             *cr,
                                                           const RsvgRectangle *viewport,
                                                           guint32              regions,
                                                           UnknotSide           side,
                                                           const double         rgba[4]);

G_END_DECLS
