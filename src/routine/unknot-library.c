/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "unknot-file-tree.h"
#include "unknot-library.h"
#include "unknot-routine-folder.h"

/* All routines the user can pick: the shipped folder, then the user's own, as one list
 * model sorted by name, plus a second list model of every problem found.
 *
 * When two files share an id, the first (shipped before user, then by file name) wins
 * and the second is reported as a problem, so ids stay unique for --start and history. */
struct _UnknotLibrary
{
  GObject parent_instance;

  UnknotRoutineParser *parser;
  GPtrArray *folders;    /* of UnknotRoutineFolder; the user's is last */
  GPtrArray *routines;   /* of UnknotRoutine, sorted by name */
  GListStore *problems;  /* of UnknotProblem */
};

static void unknot_library_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UnknotLibrary, unknot_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      unknot_library_list_model_init))

static GType
unknot_library_get_item_type (GListModel *model)
{
  return UNKNOT_TYPE_ROUTINE;
}

static guint
unknot_library_get_n_items (GListModel *model)
{
  return UNKNOT_LIBRARY (model)->routines->len;
}

static gpointer
unknot_library_get_item (GListModel *model,
                         guint       position)
{
  UnknotLibrary *self = UNKNOT_LIBRARY (model);

  if (position >= self->routines->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->routines, position));
}

static void
unknot_library_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = unknot_library_get_item_type;
  iface->get_n_items = unknot_library_get_n_items;
  iface->get_item = unknot_library_get_item;
}

static void
unknot_library_dispose (GObject *object)
{
  UnknotLibrary *self = UNKNOT_LIBRARY (object);

  for (guint i = 0; self->folders != NULL && i < self->folders->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->folders, i), self);
  g_clear_pointer (&self->folders, g_ptr_array_unref);

  G_OBJECT_CLASS (unknot_library_parent_class)->dispose (object);
}

static void
unknot_library_finalize (GObject *object)
{
  UnknotLibrary *self = UNKNOT_LIBRARY (object);

  g_clear_object (&self->parser);
  g_clear_pointer (&self->routines, g_ptr_array_unref);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (unknot_library_parent_class)->finalize (object);
}

static void
unknot_library_class_init (UnknotLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_library_dispose;
  object_class->finalize = unknot_library_finalize;
}

static void
unknot_library_init (UnknotLibrary *self)
{
  self->folders = g_ptr_array_new_with_free_func (g_object_unref);
  self->routines = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_list_store_new (UNKNOT_TYPE_PROBLEM);
}

static int
compare_routines (gconstpointer a,
                  gconstpointer b)
{
  UnknotRoutine *first = *(UnknotRoutine **) a;
  UnknotRoutine *second = *(UnknotRoutine **) b;
  int by_name = g_utf8_collate (unknot_routine_get_name (first), unknot_routine_get_name (second));

  return by_name != 0 ? by_name
                      : g_strcmp0 (unknot_routine_get_id (first), unknot_routine_get_id (second));
}

/* Drops the later of two routines with the same id, reporting it. */
static GPtrArray *
keep_first_of_each_id (GPtrArray *routines,
                       GPtrArray *problems)
{
  g_autoptr (GHashTable) first_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < routines->len; i++)
    {
      UnknotRoutine *routine = g_ptr_array_index (routines, i);
      UnknotRoutine *first = g_hash_table_lookup (first_by_id, unknot_routine_get_id (routine));
      g_autofree char *path = NULL;
      g_autofree char *first_path = NULL;

      if (first == NULL)
        {
          g_hash_table_insert (first_by_id, (gpointer) unknot_routine_get_id (routine), routine);
          g_ptr_array_add (kept, g_object_ref (routine));
          continue;
        }

      path = g_file_get_parse_name (unknot_routine_get_file (routine));
      first_path = g_file_get_parse_name (unknot_routine_get_file (first));
      g_ptr_array_add (problems,
                       unknot_routine_new_duplicate_id_problem (routine, path, path, first_path));
    }

  return kept;
}

/* Replaces the routines with @fresh, announcing only the stretch that differs, so that
 * views keep their scroll position and selection across a save. */
static void
replace_routines (UnknotLibrary *self,
                  GPtrArray     *fresh)
{
  guint old_length = self->routines->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_length && prefix < fresh->len
         && g_ptr_array_index (self->routines, prefix) == g_ptr_array_index (fresh, prefix))
    prefix++;
  while (suffix < old_length - prefix && suffix < fresh->len - prefix
         && g_ptr_array_index (self->routines, old_length - 1 - suffix)
            == g_ptr_array_index (fresh, fresh->len - 1 - suffix))
    suffix++;

  g_ptr_array_unref (self->routines);
  self->routines = g_ptr_array_ref (fresh);

  if (prefix == old_length && prefix == fresh->len)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_length - prefix - suffix, fresh->len - prefix - suffix);
}

static void
rebuild (UnknotLibrary *self)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) kept = NULL;

  for (guint i = 0; i < self->folders->len; i++)
    unknot_routine_folder_collect (g_ptr_array_index (self->folders, i), all, problems);

  kept = keep_first_of_each_id (all, problems);
  g_ptr_array_sort (kept, compare_routines);
  replace_routines (self, kept);

  g_list_store_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       problems->pdata, problems->len);
}

static void
on_folder_changed (UnknotRoutineFolder *folder,
                   UnknotLibrary       *self)
{
  rebuild (self);
}

static void
add_folder (UnknotLibrary *self,
            GFile         *directory,
            gboolean       create)
{
  UnknotRoutineFolder *folder = unknot_routine_folder_new (directory, self->parser, create);

  g_signal_connect (folder, "changed", G_CALLBACK (on_folder_changed), self);
  g_ptr_array_add (self->folders, folder);
  unknot_routine_folder_scan (folder);
}

/**
 * unknot_library_new:
 * @parser: parses every file, in the user's languages
 * @shipped_folder: (nullable): the routines that come with the app
 * @user_folder: (nullable): the user's own routines; made if missing
 *
 * Reads both folders at once and then watches them.
 */
UnknotLibrary *
unknot_library_new (UnknotRoutineParser *parser,
                    GFile               *shipped_folder,
                    GFile               *user_folder)
{
  UnknotLibrary *self;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PARSER (parser), NULL);

  self = g_object_new (UNKNOT_TYPE_LIBRARY, NULL);
  self->parser = g_object_ref (parser);
  if (shipped_folder != NULL)
    add_folder (self, shipped_folder, FALSE);
  if (user_folder != NULL)
    add_folder (self, user_folder, TRUE);
  rebuild (self);
  return self;
}

/* The folder of the routines that come with the app: $UNKNOT_DATA_DIR/routines in the
 * build tree and tests, else the installed $datadir/unknot/routines. */
GFile *
unknot_library_get_shipped_folder_default (void)
{
  const char *data_dir = g_getenv ("UNKNOT_DATA_DIR");

  return g_file_new_build_filename (data_dir != NULL && *data_dir != '\0' ? data_dir : PKGDATADIR,
                                    "routines", NULL);
}

GFile *
unknot_library_get_user_folder_default (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "unknot", "routines", NULL);
}

UnknotLibrary *
unknot_library_new_default (void)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) shipped = unknot_library_get_shipped_folder_default ();
  g_autoptr (GFile) user = unknot_library_get_user_folder_default ();

  return unknot_library_new (parser, shipped, user);
}

static gpointer
read_default_library (gpointer data)
{
  return unknot_library_new_default ();
}

/**
 * unknot_library_new_default_in_thread:
 *
 * Starts reading the default library on a thread of its own, so that the app can open
 * its display meanwhile; g_thread_join() waits for it and returns the #UnknotLibrary
 * (transfer full). The library's folder watches and rescans run on the default main
 * context, as with unknot_library_new_default(), because the thread pushes no context
 * of its own. Nothing else may read routines until the thread is joined.
 *
 * Returns: (transfer full): the reading thread
 */
GThread *
unknot_library_new_default_in_thread (void)
{
  /* libxml2 must be set up once before two threads could use it: librsvg uses it too. */
  xmlInitParser ();
  return g_thread_new ("unknot-library", read_default_library, NULL);
}

/* Where "Add to Library" puts routines, or %NULL if the library has no user folder. */
GFile *
unknot_library_get_user_folder (UnknotLibrary *self)
{
  g_return_val_if_fail (UNKNOT_IS_LIBRARY (self), NULL);

  if (self->folders->len == 0)
    return NULL;
  return unknot_routine_folder_get_directory (g_ptr_array_index (self->folders,
                                                                 self->folders->len - 1));
}

/**
 * unknot_library_get_problems:
 *
 * Returns: (transfer none): a list model of #UnknotProblem: files that did not load,
 *   warnings of those that did, and folders that cannot be read.
 */
GListModel *
unknot_library_get_problems (UnknotLibrary *self)
{
  g_return_val_if_fail (UNKNOT_IS_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->problems);
}

/* Returns: (transfer none) (nullable): the routine with this id. */
UnknotRoutine *
unknot_library_lookup (UnknotLibrary *self,
                       const char    *id)
{
  g_return_val_if_fail (UNKNOT_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->routines->len; i++)
    if (g_str_equal (unknot_routine_get_id (g_ptr_array_index (self->routines, i)), id))
      return g_ptr_array_index (self->routines, i);
  return NULL;
}

static gboolean
copy_into (GFile       *source,
           GFile       *source_folder,
           GFile       *target_folder,
           GError     **error)
{
  g_autofree char *relative = g_file_get_relative_path (source_folder, source);
  g_autoptr (GFile) target = NULL;
  g_autoptr (GFile) parent = NULL;
  g_autoptr (GError) local_error = NULL;

  /* The parser only accepts media inside the routine's folder. */
  g_assert (relative != NULL);
  target = g_file_resolve_relative_path (target_folder, relative);
  parent = g_file_get_parent (target);

  if (!g_file_make_directory_with_parents (parent, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error);
}

static gboolean
copy_routine_and_media (UnknotRoutine  *routine,
                        GFile          *target_folder,
                        GError        **error)
{
  GFile *file = unknot_routine_get_file (routine);
  g_autoptr (GFile) source_folder = g_file_get_parent (file);
  /* A picture may be named by several steps, or twice in one sequence: copied once. */
  g_autoptr (GHashTable) copied = g_hash_table_new_full (g_file_hash,
                                                         (GEqualFunc) g_file_equal,
                                                         g_object_unref, NULL);

  if (!copy_into (file, source_folder, target_folder, error))
    return FALSE;

  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      g_autoptr (GPtrArray) media =
        unknot_step_get_media_files (unknot_routine_get_item (routine, i));

      for (guint j = 0; j < media->len; j++)
        {
          GFile *source = g_ptr_array_index (media, j);

          if (g_hash_table_add (copied, g_object_ref (source))
              && !copy_into (source, source_folder, target_folder, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The folder a routine from outside goes in: its id in the user's routines folder. */
static GFile *
get_folder_to_add (UnknotLibrary  *self,
                   UnknotRoutine  *routine,
                   GError        **error)
{
  GFile *user_folder = unknot_library_get_user_folder (self);

  if (user_folder == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This library has no folder for your own routines."));
      return NULL;
    }

  if (unknot_library_lookup (self, unknot_routine_get_id (routine)) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* Translators: %s is the routine's id, such as post-run-recovery */
                   _("Your library already has a routine with the id “%s”. Change the id in "
                     "the file to add it as a new routine."), unknot_routine_get_id (routine));
      return NULL;
    }

  return g_file_get_child (user_folder, unknot_routine_get_id (routine));
}

static void
rescan_user_folder (UnknotLibrary *self)
{
  unknot_routine_folder_scan (g_ptr_array_index (self->folders, self->folders->len - 1));
}

/**
 * unknot_library_add_routine:
 * @routine: a valid routine opened from outside the library
 *
 * Copies the routine file, with the images and audio it uses, into a folder of its own
 * (named after its id) in the user's routines folder, and reads it in at once.
 *
 * Returns: (transfer full) (nullable): the copied routine file, or %NULL with @error
 *   set if the id is taken or the copy failed (then nothing is left behind).
 */
GFile *
unknot_library_add_routine (UnknotLibrary  *self,
                            UnknotRoutine  *routine,
                            GError        **error)
{
  g_autoptr (GFile) target_folder = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (UNKNOT_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);

  target_folder = get_folder_to_add (self, routine, error);
  if (target_folder == NULL || !g_file_make_directory_with_parents (target_folder, NULL, error))
    return NULL;

  if (!copy_routine_and_media (routine, target_folder, error))
    {
      unknot_file_tree_delete (target_folder);
      return NULL;
    }

  rescan_user_folder (self);
  name = g_file_get_basename (unknot_routine_get_file (routine));
  return g_file_get_child (target_folder, name);
}

/**
 * unknot_library_add_pack:
 * @pack: a routine pack that was opened
 *
 * Unpacks the pack into a folder of its own (named after the routine's id) in the
 * user's routines folder, all at once, and reads it in.
 *
 * Returns: (transfer full) (nullable): the routine file in its new folder, or %NULL
 *   with @error set if the routine has errors, its id is taken or unpacking failed;
 *   nothing is written then.
 */
GFile *
unknot_library_add_pack (UnknotLibrary     *self,
                         UnknotPackReader  *pack,
                         GError           **error)
{
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GFile) target_folder = NULL;
  g_autoptr (GFile) parent = NULL;
  g_autoptr (GError) local_error = NULL;
  GFile *added;

  g_return_val_if_fail (UNKNOT_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (UNKNOT_IS_PACK_READER (pack), NULL);

  routine = unknot_pack_reader_load_routine (pack, self->parser, NULL, NULL, error);
  if (routine == NULL)
    return NULL;
  target_folder = get_folder_to_add (self, routine, error);
  if (target_folder == NULL)
    return NULL;

  parent = g_file_get_parent (target_folder);
  if (!g_file_make_directory_with_parents (parent, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  added = unknot_pack_reader_extract (pack, target_folder, error);
  if (added != NULL)
    rescan_user_folder (self);
  return added;
}
