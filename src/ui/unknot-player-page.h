/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-run.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PLAYER_PAGE (unknot_player_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPlayerPage, unknot_player_page, UNKNOT, PLAYER_PAGE, AdwBin)

UnknotRun *unknot_player_page_get_run (UnknotPlayerPage *self);
gboolean   unknot_player_page_get_floor_mode (UnknotPlayerPage *self);
void       unknot_player_page_set_floor_mode (UnknotPlayerPage *self,
                                              gboolean          floor_mode);
void       unknot_player_page_replay_demonstration (UnknotPlayerPage *self);
void       unknot_player_page_set_run (UnknotPlayerPage *self,
                                       UnknotRun        *run);

G_END_DECLS
