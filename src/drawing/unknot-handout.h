/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_HANDOUT (unknot_handout_get_type ())

G_DECLARE_FINAL_TYPE (UnknotHandout, unknot_handout, UNKNOT, HANDOUT, GObject)

UnknotHandout *unknot_handout_new           (UnknotRoutine  *routine,
                                             double          page_width,
                                             double          page_height);
guint          unknot_handout_get_n_pages   (UnknotHandout  *self);
void           unknot_handout_draw_page     (UnknotHandout  *self,
                                             cairo_t        *cr,
                                             guint           page);
gboolean       unknot_handout_write_pdf     (UnknotHandout  *self,
                                             GOutputStream  *stream,
                                             GError        **error);

G_END_DECLS
