/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-session.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PLAYER_PAGE (unknot_player_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPlayerPage, unknot_player_page, UNKNOT, PLAYER_PAGE, GtkWidget)

void           unknot_player_page_set_session  (UnknotPlayerPage *self,
                                                UnknotSession    *session);
UnknotSession *unknot_player_page_get_session  (UnknotPlayerPage *self);
const char    *unknot_player_page_get_title    (UnknotPlayerPage *self);
const char    *unknot_player_page_get_time     (UnknotPlayerPage *self);
guint32        unknot_player_page_get_lit_regions (UnknotPlayerPage *self);

G_END_DECLS
