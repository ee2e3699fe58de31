/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-vocabulary.h"

G_BEGIN_DECLS

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
char      *unknot_body_map_element_id     (const char    *view,
                                           UnknotRegion   region,
                                           UnknotSide     side);

G_END_DECLS
