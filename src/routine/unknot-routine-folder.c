/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "unknot-routine-folder.h"

/* One folder of routine files, watched: when a file is saved, added, renamed or
 * deleted, the folder rescans after a short pause and emits "changed".
 *
 * Routines may also sit one folder down, so that a shared routine pack (a folder with
 * its routines and their media) can be unpacked into the routines folder as it is.
 *
 * Files are parsed again only when their size, time or inode changed, so a rescan of a
 * large folder costs a directory listing, and unchanged routines keep their identity
 * (a view showing one keeps its selection). */

/* Editors write in bursts (truncate, write, rename); wait for the burst to end. */
#define RESCAN_DELAY_MS 100

typedef struct
{
  guint64 size;
  guint64 modified_usec;
  guint64 inode;
  UnknotRoutine *routine; /* nullable */
  GPtrArray *problems;    /* of UnknotProblem */
} Entry;

struct _UnknotRoutineFolder
{
  GObject parent_instance;

  GFile *directory;
  UnknotRoutineParser *parser;
  GFileMonitor *monitor;
  GHashTable *subfolder_monitors; /* subfolder name → GFileMonitor */
  GHashTable *entries;    /* path relative to the folder → Entry */
  UnknotProblem *create_problem; /* the folder could not be made */
  UnknotProblem *read_problem;   /* the folder could not be read at the last scan */
  guint rescan_source;
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotRoutineFolder, unknot_routine_folder, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->routine);
  g_clear_pointer (&entry->problems, g_ptr_array_unref);
  g_free (entry);
}

static void
unknot_routine_folder_dispose (GObject *object)
{
  UnknotRoutineFolder *self = UNKNOT_ROUTINE_FOLDER (object);

  g_clear_handle_id (&self->rescan_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_hash_table_remove_all (self->subfolder_monitors);

  G_OBJECT_CLASS (unknot_routine_folder_parent_class)->dispose (object);
}

static void
unknot_routine_folder_finalize (GObject *object)
{
  UnknotRoutineFolder *self = UNKNOT_ROUTINE_FOLDER (object);

  g_clear_object (&self->directory);
  g_clear_object (&self->parser);
  g_clear_object (&self->create_problem);
  g_clear_object (&self->read_problem);
  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->subfolder_monitors);

  G_OBJECT_CLASS (unknot_routine_folder_parent_class)->finalize (object);
}

static void
unknot_routine_folder_class_init (UnknotRoutineFolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_routine_folder_dispose;
  object_class->finalize = unknot_routine_folder_finalize;

  /**
   * UnknotRoutineFolder::changed:
   *
   * A routine or a problem of this folder appeared, changed or went away.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
cancel_monitor (GFileMonitor *monitor)
{
  g_file_monitor_cancel (monitor);
  g_object_unref (monitor);
}

static void
unknot_routine_folder_init (UnknotRoutineFolder *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->subfolder_monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) cancel_monitor);
}

static gboolean
on_rescan_timeout (gpointer data)
{
  UnknotRoutineFolder *self = data;

  self->rescan_source = 0;
  unknot_routine_folder_scan (self);
  return G_SOURCE_REMOVE;
}

static void
on_directory_changed (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      gpointer           data)
{
  UnknotRoutineFolder *self = data;

  /* Restart the pause on every event, so a burst of writes leads to one rescan. */
  g_clear_handle_id (&self->rescan_source, g_source_remove);
  self->rescan_source = g_timeout_add (RESCAN_DELAY_MS, on_rescan_timeout, self);
}

static UnknotProblem *
new_folder_problem (UnknotRoutineFolder *self,
                    const char          *message)
{
  g_autofree char *path = g_file_get_parse_name (self->directory);

  return unknot_problem_new (path, 0, 0, UNKNOT_SEVERITY_ERROR, UNKNOT_ROUTINE_ERROR_IO, message);
}

static GFileMonitor *
watch (UnknotRoutineFolder *self,
       GFile               *directory)
{
  g_autoptr (GError) error = NULL;
  GFileMonitor *monitor;

  monitor = g_file_monitor_directory (directory, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (monitor == NULL)
    {
      g_debug ("Not watching %s: %s", g_file_peek_path (directory), error->message);
      return NULL;
    }
  g_signal_connect (monitor, "changed", G_CALLBACK (on_directory_changed), self);
  return monitor;
}

/**
 * unknot_routine_folder_new:
 * @directory: the folder
 * @parser: parses the files, in the user's languages
 * @create: whether to make the folder if it is missing (the user's folder is; the
 *   shipped one is not ours to make)
 *
 * The folder is watched from the start; call unknot_routine_folder_scan() to read it.
 */
UnknotRoutineFolder *
unknot_routine_folder_new (GFile               *directory,
                           UnknotRoutineParser *parser,
                           gboolean             create)
{
  UnknotRoutineFolder *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PARSER (parser), NULL);

  self = g_object_new (UNKNOT_TYPE_ROUTINE_FOLDER, NULL);
  self->directory = g_object_ref (directory);
  self->parser = g_object_ref (parser);

  if (create && !g_file_make_directory_with_parents (directory, NULL, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *message =
        /* Translators: %s is the system's reason, such as "Permission denied" */
        g_strdup_printf (_("cannot create the folder for your routines: %s"), error->message);
      self->create_problem = new_folder_problem (self, message);
    }

  self->monitor = watch (self, directory);
  return self;
}

GFile *
unknot_routine_folder_get_directory (UnknotRoutineFolder *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_FOLDER (self), NULL);
  return self->directory;
}

static guint64
get_modified_usec (GFileInfo *info)
{
  return g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
         + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

static gboolean
entry_is_current (Entry     *entry,
                  GFileInfo *info)
{
  return entry->size == (guint64) g_file_info_get_size (info)
         && entry->modified_usec == get_modified_usec (info)
         && entry->inode == g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);
}

static Entry *
load_entry (UnknotRoutineFolder *self,
            const char          *relative_path,
            GFileInfo           *info)
{
  g_autoptr (GFile) file = g_file_resolve_relative_path (self->directory, relative_path);
  g_autofree char *path = g_file_get_parse_name (file);
  Entry *entry = g_new0 (Entry, 1);

  entry->size = g_file_info_get_size (info);
  entry->modified_usec = get_modified_usec (info);
  entry->inode = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);
  entry->routine = unknot_routine_parser_load_file (self->parser, file, path,
                                                    &entry->problems, NULL);
  return entry;
}

static GFileEnumerator *
enumerate (GFile   *directory,
           GError **error)
{
  return g_file_enumerate_children (directory,
                                    G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                    G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                    G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                    G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                    G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                                    G_FILE_ATTRIBUTE_UNIX_INODE,
                                    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
}

typedef struct
{
  GHashTable *seen_entries;    /* relative paths found in this scan */
  GHashTable *seen_subfolders; /* subfolder names found in this scan */
  UnknotProblem *problem;      /* the folder itself could not be read */
  gboolean changed;
} Scan;

/* Parses a file found in this scan, unless it is unchanged since the last one. */
static void
scan_file (UnknotRoutineFolder *self,
           Scan                *scan,
           const char          *relative_path,
           GFileInfo           *info)
{
  Entry *entry = g_hash_table_lookup (self->entries, relative_path);
  char *key;

  if (entry == NULL || !entry_is_current (entry, info))
    {
      g_hash_table_replace (self->entries, g_strdup (relative_path),
                            load_entry (self, relative_path, info));
      scan->changed = TRUE;
    }

  /* Keep the table's own copy of the path, which lives as long as the entry. */
  g_hash_table_lookup_extended (self->entries, relative_path, (gpointer *) &key, NULL);
  g_hash_table_add (scan->seen_entries, key);
}

static void scan_directory (UnknotRoutineFolder *, Scan *, GFile *, const char *);

static void
scan_subfolder (UnknotRoutineFolder *self,
                Scan                *scan,
                const char          *name)
{
  g_autoptr (GFile) subfolder = g_file_get_child (self->directory, name);

  if (!g_hash_table_contains (self->subfolder_monitors, name))
    {
      GFileMonitor *monitor = watch (self, subfolder);
      if (monitor != NULL)
        g_hash_table_insert (self->subfolder_monitors, g_strdup (name), monitor);
    }
  g_hash_table_add (scan->seen_subfolders, g_strdup (name));
  scan_directory (self, scan, subfolder, name);
}

/* @prefix: %NULL for the folder itself, else the name of the subfolder being read. */
static void
scan_directory (UnknotRoutineFolder *self,
                Scan                *scan,
                GFile               *directory,
                const char          *prefix)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileEnumerator) enumerator = enumerate (directory, &error);

  if (enumerator == NULL)
    {
      /* A folder that is gone simply holds no routines; one we cannot read is a problem
       * the user should hear of. */
      if (prefix == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *message =
            /* Translators: %s is the system's reason, such as "Permission denied" */
            g_strdup_printf (_("cannot read the routines folder: %s"), error->message);
          scan->problem = new_folder_problem (self, message);
        }
      return;
    }

  for (;;)
    {
      g_autoptr (GFileInfo) info = g_file_enumerator_next_file (enumerator, NULL, NULL);
      const char *name;
      GFileType type;

      if (info == NULL)
        break;
      name = g_file_info_get_name (info);
      type = g_file_info_get_file_type (info);
      if (name[0] == '.')
        continue;
      if (type == G_FILE_TYPE_DIRECTORY && prefix == NULL)
        scan_subfolder (self, scan, name);
      else if (g_str_has_suffix (name, ".xml"))
        {
          g_autofree char *relative = prefix ? g_build_filename (prefix, name, NULL)
                                             : g_strdup (name);
          scan_file (self, scan, relative, info);
        }
    }
}

static void
forget_unseen (UnknotRoutineFolder *self,
               Scan                *scan)
{
  GHashTableIter iter;
  const char *key;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (scan->seen_entries, key))
      {
        g_hash_table_iter_remove (&iter);
        scan->changed = TRUE;
      }

  g_hash_table_iter_init (&iter, self->subfolder_monitors);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (scan->seen_subfolders, key))
      g_hash_table_iter_remove (&iter);
}

static void
forget_problem_if_fixed (UnknotRoutineFolder *self,
                         Scan                *scan)
{
  const char *before = self->read_problem ? unknot_problem_get_message (self->read_problem) : NULL;
  const char *now = scan->problem ? unknot_problem_get_message (scan->problem) : NULL;

  if (g_strcmp0 (before, now) != 0)
    scan->changed = TRUE;
  g_clear_object (&self->read_problem);
  self->read_problem = scan->problem;
}

/* Reads the folder again, parsing what changed, and emits "changed" if anything did. */
void
unknot_routine_folder_scan (UnknotRoutineFolder *self)
{
  Scan scan = { 0 };

  g_return_if_fail (UNKNOT_IS_ROUTINE_FOLDER (self));

  scan.seen_entries = g_hash_table_new (g_str_hash, g_str_equal);
  scan.seen_subfolders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  scan_directory (self, &scan, self->directory, NULL);
  forget_problem_if_fixed (self, &scan);
  forget_unseen (self, &scan);
  g_hash_table_unref (scan.seen_entries);
  g_hash_table_unref (scan.seen_subfolders);

  if (scan.changed)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * unknot_routine_folder_collect:
 * @routines: (element-type UnknotRoutine): where to add the routines that loaded
 * @problems: (element-type UnknotProblem): where to add every problem
 *
 * Adds this folder's routines and problems in file-name order, so that which of two
 * files with the same id comes first does not depend on the file system.
 */
void
unknot_routine_folder_collect (UnknotRoutineFolder *self,
                               GPtrArray           *routines,
                               GPtrArray           *problems)
{
  g_autofree const char **names = NULL;
  guint n_names;

  g_return_if_fail (UNKNOT_IS_ROUTINE_FOLDER (self));

  /* A folder that could not be made cannot be read either; say so once. */
  if (self->create_problem != NULL)
    g_ptr_array_add (problems, g_object_ref (self->create_problem));
  else if (self->read_problem != NULL)
    g_ptr_array_add (problems, g_object_ref (self->read_problem));

  names = (const char **) g_hash_table_get_keys_as_array (self->entries, &n_names);
  qsort (names, n_names, sizeof *names, compare_names);

  for (guint i = 0; i < n_names; i++)
    {
      Entry *entry = g_hash_table_lookup (self->entries, names[i]);

      if (entry->routine != NULL)
        g_ptr_array_add (routines, g_object_ref (entry->routine));
      for (guint j = 0; entry->problems != NULL && j < entry->problems->len; j++)
        g_ptr_array_add (problems, g_object_ref (g_ptr_array_index (entry->problems, j)));
    }
}
