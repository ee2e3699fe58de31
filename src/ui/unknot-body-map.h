/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-vocabulary.h"

G_BEGIN_DECLS

/* The due tint: regions last worked this many days ago or more are soon due, then due. */
#define UNKNOT_BODY_MAP_DUE_SOON_DAYS 3
#define UNKNOT_BODY_MAP_DUE_DAYS      7

#define UNKNOT_TYPE_BODY_MAP (unknot_body_map_get_type ())
G_DECLARE_FINAL_TYPE (UnknotBodyMap, unknot_body_map, UNKNOT, BODY_MAP, GtkWidget)

GtkWidget *unknot_body_map_new            (void);
void       unknot_body_map_set_highlight  (UnknotBodyMap *self,
                                           guint32        regions,
                                           UnknotSide     side);
guint32    unknot_body_map_get_highlight  (UnknotBodyMap *self);
void       unknot_body_map_set_selection  (UnknotBodyMap *self,
                                           guint32        regions);
guint32    unknot_body_map_get_selection  (UnknotBodyMap *self);
void       unknot_body_map_set_due        (UnknotBodyMap *self,
                                           const gint    *days_since);
int        unknot_body_map_get_due_tint   (UnknotBodyMap *self,
                                           UnknotRegion   region);
int        unknot_body_map_get_figure_height (UnknotBodyMap *self);

G_END_DECLS
