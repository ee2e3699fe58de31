/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-history.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_HISTORY_EXPORTER (unknot_history_exporter_get_type ())
G_DECLARE_FINAL_TYPE (UnknotHistoryExporter, unknot_history_exporter, UNKNOT, HISTORY_EXPORTER,
                      GObject)

UnknotHistoryExporter *unknot_history_exporter_new         (AdwToastOverlay       *overlay,
                                                            UnknotHistory         *history);
void                   unknot_history_exporter_choose_file (UnknotHistoryExporter *self,
                                                            GtkWindow             *parent);
void                   unknot_history_exporter_export      (UnknotHistoryExporter *self,
                                                            GFile                 *file);
void                   unknot_history_exporter_cancel      (UnknotHistoryExporter *self);

G_END_DECLS
