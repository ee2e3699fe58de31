/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-routine.h"

G_BEGIN_DECLS

void     unknot_pack_export_ask   (UnknotRoutine  *routine,
                                   GtkWidget      *widget);
gboolean unknot_pack_export_write (UnknotRoutine  *routine,
                                   GFile          *pack,
                                   GtkWidget      *widget);

G_END_DECLS
