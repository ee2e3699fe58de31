/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-library.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_TECHNIQUES_WINDOW (unknot_techniques_window_get_type ())
G_DECLARE_FINAL_TYPE (UnknotTechniquesWindow, unknot_techniques_window, UNKNOT,
                      TECHNIQUES_WINDOW, AdwWindow)

UnknotTechniquesWindow *unknot_techniques_window_new            (UnknotLibrary          *library);
void                    unknot_techniques_window_show_technique (UnknotTechniquesWindow *self,
                                                                 UnknotTechnique         technique);
GtkWidget              *unknot_techniques_window_get_entry      (UnknotTechniquesWindow *self,
                                                                 UnknotTechnique         technique);

G_END_DECLS
