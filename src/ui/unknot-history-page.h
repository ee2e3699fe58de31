/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-history.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_HISTORY_PAGE (unknot_history_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotHistoryPage, unknot_history_page, UNKNOT, HISTORY_PAGE, AdwBin)

GtkWidget     *unknot_history_page_new          (void);
UnknotHistory *unknot_history_page_get_history  (UnknotHistoryPage *self);
void           unknot_history_page_set_history  (UnknotHistoryPage *self,
                                                 UnknotHistory     *history);
GSettings     *unknot_history_page_get_settings (UnknotHistoryPage *self);
void           unknot_history_page_set_settings (UnknotHistoryPage *self,
                                                 GSettings         *settings);
void           unknot_history_page_refresh      (UnknotHistoryPage *self);

G_END_DECLS
