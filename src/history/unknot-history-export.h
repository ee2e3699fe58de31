/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-history.h"

G_BEGIN_DECLS

/* The first line of the export, as DESIGN.md gives it. */
#define UNKNOT_HISTORY_CSV_HEADER \
  "started_at,finished_at,routine_id,routine_name,status,planned_seconds,active_seconds," \
  "steps_completed,steps_total"

gboolean unknot_history_export_csv (UnknotHistory  *self,
                                    GOutputStream  *stream,
                                    GError        **error);

G_END_DECLS
