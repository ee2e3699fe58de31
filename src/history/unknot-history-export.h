/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-history.h"

G_BEGIN_DECLS

/* The first line of the export, as DESIGN.md gives it. Columns are only ever added at
 * the end, so that scripts reading the earlier ones keep working. */
#define UNKNOT_HISTORY_CSV_HEADER \
  "started_at,finished_at,routine_id,routine_name,status,planned_seconds,active_seconds," \
  "steps_completed,steps_total,rating,regions,after_run"

gboolean unknot_history_export_csv         (UnknotHistory        *self,
                                            GOutputStream        *stream,
                                            GError              **error);
gboolean unknot_history_export_file        (const char           *db_path,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GError              **error);
void     unknot_history_export_file_async  (const char           *db_path,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean unknot_history_export_file_finish (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
