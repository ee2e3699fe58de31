/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean unknot_text_editor_open (GtkWidget  *widget,
                                  GFile      *file,
                                  GError    **error);

G_END_DECLS
