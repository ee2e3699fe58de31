/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-history-db.h"

#include <glib/gi18n-lib.h>

#include "unknot-history-error.h"

struct _UnknotHistoryDb
{
  sqlite3 *handle;
  char *path;             /* for messages only */
  GHashTable *statements; /* static SQL text (by address) → sqlite3_stmt */
};

static void
finalize_statement (gpointer statement)
{
  sqlite3_finalize (statement);
}

/* Takes over @handle. */
UnknotHistoryDb *
unknot_history_db_new (sqlite3    *handle,
                       const char *path)
{
  UnknotHistoryDb *self = g_new0 (UnknotHistoryDb, 1);

  self->handle = handle;
  self->path = g_strdup (path);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  /* Extended codes tell a read-only folder from a read-only file, and so on. */
  sqlite3_extended_result_codes (handle, 1);
  return self;
}

void
unknot_history_db_free (UnknotHistoryDb *self)
{
  if (self == NULL)
    return;
  /* Statements first: sqlite3_close() refuses while any is left. */
  g_hash_table_destroy (self->statements);
  sqlite3_close (self->handle);
  g_free (self->path);
  g_free (self);
}

sqlite3 *
unknot_history_db_get_handle (UnknotHistoryDb *self)
{
  return self->handle;
}

const char *
unknot_history_db_get_path (UnknotHistoryDb *self)
{
  return self->path;
}

static UnknotHistoryError
code_for_result (int result)
{
  switch (result & 0xff)
    {
    case SQLITE_FULL:
      return UNKNOT_HISTORY_ERROR_DISK_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return UNKNOT_HISTORY_ERROR_READ_ONLY;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return UNKNOT_HISTORY_ERROR_IO;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return UNKNOT_HISTORY_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return UNKNOT_HISTORY_ERROR_BUSY;
    default:
      return UNKNOT_HISTORY_ERROR_FAILED;
    }
}

/* The message names the file and what the user can do about it; SQLite's own words
 * (English) follow where they help a bug report. */
void
unknot_history_error_set_sqlite (GError    **error,
                                 int         result,
                                 const char *path,
                                 const char *detail)
{
  UnknotHistoryError code = code_for_result (result);

  switch (code)
    {
    case UNKNOT_HISTORY_ERROR_DISK_FULL:
      g_set_error (error, UNKNOT_HISTORY_ERROR, code,
                   /* Translators: %s is the path of the history file */
                   _("There is no room left on the disk for your history in “%s”. "
                     "Free some space; what was recorded before is safe."), path);
      break;
    case UNKNOT_HISTORY_ERROR_READ_ONLY:
      g_set_error (error, UNKNOT_HISTORY_ERROR, code,
                   /* Translators: %s is the path of the history file */
                   _("Your history in “%s” cannot be changed because the file or its folder "
                     "is read-only. Check their permissions."), path);
      break;
    case UNKNOT_HISTORY_ERROR_IO:
      g_set_error (error, UNKNOT_HISTORY_ERROR, code,
                   /* Translators: the first %s is the path of the history file, the second the
                    * reason the system gives */
                   _("The history file “%s” could not be read or written (%s). Check that its "
                     "folder exists, that you may write there, and that the disk works."),
                   path, detail);
      break;
    case UNKNOT_HISTORY_ERROR_CORRUPT:
      g_set_error (error, UNKNOT_HISTORY_ERROR, code,
                   /* Translators: the first %s is the path of the history file, the second what
                    * SQLite found wrong with it */
                   _("The history file “%s” is damaged (%s)."), path, detail);
      break;
    case UNKNOT_HISTORY_ERROR_BUSY:
      g_set_error (error, UNKNOT_HISTORY_ERROR, code,
                   /* Translators: %s is the path of the history file */
                   _("The history file “%s” is locked by another program. Close that program "
                     "and try again."), path);
      break;
    default:
      g_set_error (error, UNKNOT_HISTORY_ERROR, code,
                   /* Translators: the first %s is the path of the history file, the second what
                    * SQLite reported */
                   _("The history file “%s” could not be used (%s)."), path, detail);
      break;
    }
}

void
unknot_history_db_set_error (UnknotHistoryDb *self,
                             int              result,
                             GError         **error)
{
  unknot_history_error_set_sqlite (error, result, self->path, sqlite3_errmsg (self->handle));
}

/* @sql must be a string constant: its address is the cache key. Statements are prepared
 * once per connection and reset after each use, by unknot_history_db_done(). */
sqlite3_stmt *
unknot_history_db_prepare (UnknotHistoryDb *self,
                           const char      *sql,
                           GError         **error)
{
  sqlite3_stmt *statement = g_hash_table_lookup (self->statements, sql);
  int result;

  if (statement != NULL)
    return statement;

  result = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                               &statement, NULL);
  if (result != SQLITE_OK)
    {
      unknot_history_db_set_error (self, result, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, statement);
  return statement;
}

/* Ends one use of @statement, whose last sqlite3_step() gave @result: a statement left
 * unreset would hold its read snapshot open and keep the WAL from being checkpointed. */
gboolean
unknot_history_db_done (UnknotHistoryDb *self,
                        sqlite3_stmt    *statement,
                        int              result,
                        GError         **error)
{
  gboolean ok = result == SQLITE_DONE || result == SQLITE_ROW || result == SQLITE_OK;

  if (!ok)
    unknot_history_db_set_error (self, result, error);
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
  return ok;
}

gboolean
unknot_history_db_run (UnknotHistoryDb *self,
                       sqlite3_stmt    *statement,
                       GError         **error)
{
  return unknot_history_db_done (self, statement, sqlite3_step (statement), error);
}

gboolean
unknot_history_db_exec (UnknotHistoryDb *self,
                        const char      *sql,
                        GError         **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (self, sql, error);

  return statement != NULL && unknot_history_db_run (self, statement, error);
}

/* Runs several statements once each, as a migration does; nothing is cached. */
gboolean
unknot_history_db_exec_script (UnknotHistoryDb *self,
                               const char      *script,
                               GError         **error)
{
  const char *next = script;

  while (next != NULL && *next != '\0')
    {
      sqlite3_stmt *statement = NULL;
      int result = sqlite3_prepare_v2 (self->handle, next, -1, &statement, &next);

      if (result == SQLITE_OK && statement != NULL)
        {
          do
            result = sqlite3_step (statement);
          while (result == SQLITE_ROW);
        }
      if (result != SQLITE_OK && result != SQLITE_DONE)
        {
          unknot_history_db_set_error (self, result, error);
          sqlite3_finalize (statement);
          return FALSE;
        }
      sqlite3_finalize (statement);
    }
  return TRUE;
}

gboolean
unknot_history_db_query_int (UnknotHistoryDb *self,
                             const char      *sql,
                             gint64          *value,
                             GError         **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (self, sql, error);
  int result;

  if (statement == NULL)
    return FALSE;
  result = sqlite3_step (statement);
  *value = result == SQLITE_ROW ? sqlite3_column_int64 (statement, 0) : 0;
  return unknot_history_db_done (self, statement, result, error);
}

/* IMMEDIATE takes the write lock at once, so a transaction never fails half-way for
 * want of it. */
gboolean
unknot_history_db_begin (UnknotHistoryDb *self,
                         GError         **error)
{
  return unknot_history_db_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
unknot_history_db_commit (UnknotHistoryDb *self,
                          GError         **error)
{
  if (unknot_history_db_exec (self, "COMMIT", error))
    return TRUE;
  unknot_history_db_rollback (self);
  return FALSE;
}

/* SQLite rolls back by itself after some errors (a full disk among them); only an open
 * transaction is rolled back here. */
void
unknot_history_db_rollback (UnknotHistoryDb *self)
{
  if (!sqlite3_get_autocommit (self->handle))
    unknot_history_db_exec (self, "ROLLBACK", NULL);
}
