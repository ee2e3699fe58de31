/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _UnknotPicture UnknotPicture;

UnknotPicture *unknot_picture_load     (GFile          *file,
                                        GError        **error);
void           unknot_picture_free     (UnknotPicture  *self);
double         unknot_picture_get_aspect (UnknotPicture *self);
void           unknot_picture_draw     (UnknotPicture  *self,
                                        cairo_t        *cr,
                                        double          x,
                                        double          y,
                                        double          width,
                                        double          height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotPicture, unknot_picture_free)

G_END_DECLS
