/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-vocabulary.h"

G_BEGIN_DECLS

GtkWidget    *unknot_region_toggle_new          (UnknotRegion  region);
UnknotRegion  unknot_region_toggle_get_region   (GtkWidget    *toggle);
void          unknot_region_toggle_set_selected (GtkWidget    *toggle,
                                                 gboolean      selected);
void          unknot_region_toggle_allocate     (GtkWidget    *toggle,
                                                 int           width,
                                                 int           figure_height);

G_END_DECLS
