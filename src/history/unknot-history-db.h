/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

/* One SQLite connection of the history store, with its cache of prepared statements and
 * the translation of SQLite result codes into UNKNOT_HISTORY_ERROR. Internal to
 * src/history/. */
typedef struct _UnknotHistoryDb UnknotHistoryDb;

UnknotHistoryDb *unknot_history_db_new          (sqlite3          *handle,
                                                 const char       *path);
void             unknot_history_db_free         (UnknotHistoryDb  *self);
sqlite3         *unknot_history_db_get_handle   (UnknotHistoryDb  *self);
const char      *unknot_history_db_get_path     (UnknotHistoryDb  *self);
sqlite3_stmt    *unknot_history_db_prepare      (UnknotHistoryDb  *self,
                                                 const char       *sql,
                                                 GError          **error);
gboolean         unknot_history_db_done         (UnknotHistoryDb  *self,
                                                 sqlite3_stmt     *statement,
                                                 int               result,
                                                 GError          **error);
gboolean         unknot_history_db_run          (UnknotHistoryDb  *self,
                                                 sqlite3_stmt     *statement,
                                                 GError          **error);
gboolean         unknot_history_db_exec         (UnknotHistoryDb  *self,
                                                 const char       *sql,
                                                 GError          **error);
gboolean         unknot_history_db_exec_script  (UnknotHistoryDb  *self,
                                                 const char       *script,
                                                 GError          **error);
gboolean         unknot_history_db_query_int    (UnknotHistoryDb  *self,
                                                 const char       *sql,
                                                 gint64           *value,
                                                 GError          **error);
gboolean         unknot_history_db_begin        (UnknotHistoryDb  *self,
                                                 GError          **error);
gboolean         unknot_history_db_commit       (UnknotHistoryDb  *self,
                                                 GError          **error);
void             unknot_history_db_rollback     (UnknotHistoryDb  *self);
void             unknot_history_db_set_error    (UnknotHistoryDb  *self,
                                                 int               result,
                                                 GError          **error);
void             unknot_history_error_set_sqlite (GError         **error,
                                                  int              result,
                                                  const char      *path,
                                                  const char      *detail);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotHistoryDb, unknot_history_db_free)

G_END_DECLS
