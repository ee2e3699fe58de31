/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-background-permission.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PREFERENCES_PAGE (unknot_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPreferencesPage, unknot_preferences_page, UNKNOT,
                      PREFERENCES_PAGE, AdwPreferencesPage)

GtkWidget *unknot_preferences_page_new (GSettings                  *settings,
                                        gboolean                    speech_available,
                                        UnknotBackgroundPermission *background);

G_END_DECLS
