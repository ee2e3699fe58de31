/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-cue-player.h"
#include "unknot-history.h"
#include "unknot-library.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_APPLICATION (unknot_application_get_type ())
G_DECLARE_FINAL_TYPE (UnknotApplication, unknot_application, UNKNOT, APPLICATION, AdwApplication)

UnknotApplication *unknot_application_new          (void);
UnknotLibrary     *unknot_application_get_library  (UnknotApplication *self);
GSettings         *unknot_application_get_settings (UnknotApplication *self);
UnknotHistory     *unknot_application_get_history  (UnknotApplication *self);
double             unknot_application_get_speed    (UnknotApplication *self);
void               unknot_application_set_speed    (UnknotApplication *self,
                                                    double             speed);
const char        *unknot_application_next_notice  (UnknotApplication *self);
UnknotCuePlayer   *unknot_application_get_cue_player (UnknotApplication *self);
void               unknot_application_update_reminders (UnknotApplication *self);
gboolean           unknot_application_get_hands_over_to_service (UnknotApplication *self);

G_END_DECLS
