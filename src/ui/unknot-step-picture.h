/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_STEP_PICTURE (unknot_step_picture_get_type ())
G_DECLARE_FINAL_TYPE (UnknotStepPicture, unknot_step_picture, UNKNOT, STEP_PICTURE, GtkWidget)

GtkWidget *unknot_step_picture_new          (void);
void       unknot_step_picture_show         (UnknotStepPicture *self,
                                             GFile             *file,
                                             const char        *label,
                                             gboolean           mirrored);
GFile     *unknot_step_picture_get_file     (UnknotStepPicture *self);
gboolean   unknot_step_picture_get_mirrored (UnknotStepPicture *self);
gboolean   unknot_step_picture_is_loaded    (UnknotStepPicture *self);

G_END_DECLS
