/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-vocabulary.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_DEMONSTRATION (unknot_demonstration_get_type ())
G_DECLARE_FINAL_TYPE (UnknotDemonstration, unknot_demonstration, UNKNOT, DEMONSTRATION, GtkWidget)

GtkWidget *unknot_demonstration_new           (void);
void       unknot_demonstration_show          (UnknotDemonstration *self,
                                               UnknotTechnique      technique,
                                               UnknotRegion         region,
                                               UnknotTool           tool,
                                               UnknotPressure       pressure,
                                               UnknotSide           side);
void       unknot_demonstration_replay        (UnknotDemonstration *self);
void       unknot_demonstration_rest          (UnknotDemonstration *self);
gboolean   unknot_demonstration_get_playing   (UnknotDemonstration *self);
char      *unknot_demonstration_describe      (UnknotTechnique      technique,
                                               UnknotRegion         region,
                                               UnknotTool           tool,
                                               UnknotSide           side);

G_END_DECLS
