/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws an item with its top left corner at @x, @y. */
typedef void (*UnknotPageItemDraw) (cairo_t  *cr,
                                    double    x,
                                    double    y,
                                    gpointer  data);

typedef struct _UnknotPageFlow UnknotPageFlow;

UnknotPageFlow *unknot_page_flow_new         (double              top,
                                              double              bottom);
void            unknot_page_flow_free        (UnknotPageFlow     *self);
void            unknot_page_flow_add         (UnknotPageFlow     *self,
                                              double              x,
                                              double              y,
                                              double              height,
                                              UnknotPageItemDraw  draw,
                                              gpointer            data,
                                              GDestroyNotify      destroy);
double          unknot_page_flow_end_group   (UnknotPageFlow     *self,
                                              double              space_after);
guint           unknot_page_flow_get_n_pages (UnknotPageFlow     *self);
void            unknot_page_flow_draw_page   (UnknotPageFlow     *self,
                                              cairo_t            *cr,
                                              guint               page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotPageFlow, unknot_page_flow_free)

G_END_DECLS
