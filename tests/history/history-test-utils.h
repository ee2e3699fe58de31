/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-history.h"

G_BEGIN_DECLS

/* Helpers shared by the history tests and the benchmark. */

/* A database file as an older version of the schema left it, opened by this version. */
typedef struct
{
  char *folder;
  char *path;
  UnknotHistory *history;
} HistoryOldFile;

UnknotRoutine *history_test_routine_new        (const char                 *id,
                                                const char                 *name);
UnknotHistory *history_test_open               (const char                 *path);
char          *history_test_db_path            (const char                 *folder);
GDateTime     *history_test_utc                (const char                 *iso8601);
gint64         history_test_query_int          (UnknotHistory              *history,
                                                const char                 *sql);
char          *history_test_check_file         (const char                 *path,
                                                const char                 *pragma);
void           history_test_assert_same        (const UnknotHistorySession *a,
                                                const UnknotHistorySession *b);
gint64         history_test_add                (UnknotHistory              *history,
                                                GDateTime                  *started_at,
                                                UnknotHistoryStatus         status,
                                                guint                       n_steps);
UnknotHistorySession *history_test_get         (UnknotHistory              *history,
                                                gint64                      id);
void           history_test_old_file_open      (HistoryOldFile             *file,
                                                const char                 *sql_name);
void           history_test_old_file_close     (HistoryOldFile             *file);

G_END_DECLS
