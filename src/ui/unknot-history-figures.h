/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-history.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_HISTORY_FIGURES (unknot_history_figures_get_type ())
G_DECLARE_FINAL_TYPE (UnknotHistoryFigures, unknot_history_figures, UNKNOT, HISTORY_FIGURES,
                      AdwBin)

gboolean unknot_history_figures_update (UnknotHistoryFigures  *self,
                                        UnknotHistory         *history,
                                        GDateTime             *now,
                                        guint                  goal,
                                        GError               **error);

G_END_DECLS
