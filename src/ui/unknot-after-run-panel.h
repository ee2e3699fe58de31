/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-vocabulary.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_AFTER_RUN_PANEL (unknot_after_run_panel_get_type ())
G_DECLARE_FINAL_TYPE (UnknotAfterRunPanel, unknot_after_run_panel, UNKNOT, AFTER_RUN_PANEL,
                      AdwBin)

void           unknot_after_run_panel_set_routines        (UnknotAfterRunPanel *self,
                                                           GListModel          *routines);
void           unknot_after_run_panel_set_worked_this_week (UnknotAfterRunPanel *self,
                                                            guint32              regions);
UnknotRunKind  unknot_after_run_panel_get_kind            (UnknotAfterRunPanel *self);

G_END_DECLS
