/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <librsvg/rsvg.h>

G_BEGIN_DECLS

void             unknot_body_figure_prepare_in_background (void);
RsvgHandle      *unknot_body_figure_get                   (void);
RsvgHandle      *unknot_body_figure_get_masks             (void);
void             unknot_body_figure_get_natural_size      (RsvgHandle    *figure,
                                                           int           *width,
                                                           int           *height);
int              unknot_body_figure_height_for_width      (RsvgHandle    *figure,
                                                           int            width);
RsvgRectangle    unknot_body_figure_get_viewport          (RsvgHandle    *figure,
                                                           int            width,
                                                           int            height);
gboolean         unknot_body_figure_get_shape_bounds      (RsvgHandle    *figure,
                                                           const char    *id,
                                                           int            width,
                                                           int            height,
                                                           RsvgRectangle *bounds);
cairo_surface_t *unknot_body_figure_draw                  (int            width,
                                                           int            height,
                                                           int            scale);

G_END_DECLS
