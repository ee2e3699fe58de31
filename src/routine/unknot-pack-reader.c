/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "unknot-file-reader.h"
#include "unknot-file-tree.h"
#include "unknot-pack-archive.h"
#include "unknot-pack-media-list.h"
#include "unknot-pack-path.h"
#include "unknot-pack-unpacker.h"
#include "unknot-pack-reader.h"

/* A routine pack: one routine file at the top of a ZIP archive and the pictures and
 * audio it names, in folders, so that a therapist can hand a client one file.
 *
 * Packs come from strangers. Opening one reads it whole into memory (it is small) and
 * walks it once to check every rule (unknot-pack-archive.c), keeping only the routine
 * file's bytes, and refuses it if it holds anything the routine does not name
 * (unknot-pack-media-list.c). The
 * routine is then loaded from those bytes, without writing anything, which is all
 * `--validate` and `--timeline` need. Only a pack whose routine loads without errors
 * can be unpacked: walked a second time, over the same bytes, into a hidden folder
 * that is renamed into place once everything is written (unknot-pack-unpacker.c). */

struct _UnknotPackReader
{
  GObject parent_instance;

  GBytes *archive;
  char *name;              /* the pack's file name, for messages */
  char *routine_name;      /* the routine file's name in the pack */
  GBytes *routine_bytes;
  GHashTable *files;       /* every file's name but the routine's */
  UnknotPackMediaList *media; /* what the routine names; NULL if it is not well-formed */
  gboolean routine_valid;  /* loaded without errors */
};

G_DEFINE_FINAL_TYPE (UnknotPackReader, unknot_pack_reader, G_TYPE_OBJECT)

static void
unknot_pack_reader_finalize (GObject *object)
{
  UnknotPackReader *self = UNKNOT_PACK_READER (object);

  g_clear_pointer (&self->archive, g_bytes_unref);
  g_free (self->name);
  g_free (self->routine_name);
  g_clear_pointer (&self->routine_bytes, g_bytes_unref);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_pointer (&self->media, unknot_pack_media_list_free);

  G_OBJECT_CLASS (unknot_pack_reader_parent_class)->finalize (object);
}

static void
unknot_pack_reader_class_init (UnknotPackReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_pack_reader_finalize;
}

static void
unknot_pack_reader_init (UnknotPackReader *self)
{
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ---- the first walk: what the pack holds -------------------------------------------- */

typedef struct
{
  UnknotPackReader *reader;
  GByteArray *routine;    /* the routine file's bytes while they are read */
  gboolean in_routine;
  char *folded_routine;   /* a routine file found in a folder, for a better message */
} Survey;

static gboolean
is_routine_name (const char *path)
{
  return g_str_has_suffix (path, ".xml");
}

static gboolean
survey_begin (gpointer     data,
              const char  *path,
              gboolean     is_folder,
              GError     **error)
{
  Survey *survey = data;
  UnknotPackReader *self = survey->reader;

  survey->in_routine = FALSE;
  if (is_folder)
    return TRUE;

  if (!unknot_pack_path_is_at_top (path) || !is_routine_name (path))
    {
      if (is_routine_name (path) && survey->folded_routine == NULL)
        survey->folded_routine = g_strdup (path);
      g_hash_table_add (self->files, g_strdup (path));
      return TRUE;
    }

  if (self->routine_name != NULL)
    {
      g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_SEVERAL_ROUTINES,
                   /* Translators: both %s are names of routine files, such as calf.xml. */
                   _("the pack holds two routine files, “%s” and “%s”; a pack holds exactly "
                     "one"), self->routine_name, path);
      return FALSE;
    }
  self->routine_name = g_strdup (path);
  survey->routine = g_byte_array_new ();
  survey->in_routine = TRUE;
  return TRUE;
}

static gboolean
survey_content (gpointer       data,
                const guint8  *chunk,
                gsize          size,
                GError       **error)
{
  Survey *survey = data;
  g_autoptr (GError) too_large = NULL;

  if (!survey->in_routine)
    return TRUE;

  g_byte_array_append (survey->routine, chunk, size);
  if (unknot_file_reader_check_size (survey->routine->len, UNKNOT_ROUTINE_MAX_BYTES,
                                     &too_large))
    return TRUE;
  g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_TOO_LARGE, "%s: %s",
               survey->reader->routine_name, too_large->message);
  return FALSE;
}

static gboolean
survey_end (gpointer   data,
            GError   **error)
{
  Survey *survey = data;

  if (survey->in_routine)
    survey->reader->routine_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&survey->routine));
  survey->in_routine = FALSE;
  return TRUE;
}

static const UnknotPackSink survey_sink = { survey_begin, survey_content, survey_end };

static gboolean
check_found_routine (UnknotPackReader  *self,
                     Survey            *survey,
                     GError           **error)
{
  if (self->routine_name != NULL)
    return TRUE;
  if (survey->folded_routine != NULL)
    g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_NO_ROUTINE,
                 /* Translators: %s is the routine file's name in the pack, such as
                  * calf-care/calf-care.xml. */
                 _("the routine file “%s” is in a folder; put it at the top of the pack, "
                   "next to the folders of its media"), survey->folded_routine);
  else
    g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_NO_ROUTINE,
                 _("the pack holds no routine file; put one routine (a .xml file) at the "
                   "top of the pack"));
  return FALSE;
}

/* "images" cannot be a file when "images/calf.svg" is in the pack. */
static gboolean
check_file_or_folder (UnknotPackReader  *self,
                      GError           **error)
{
  GHashTableIter iter;
  const char *path;

  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, NULL))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      while (!g_str_equal (folder, "."))
        {
          char *parent;

          if (g_hash_table_contains (self->files, folder)
              || g_strcmp0 (folder, self->routine_name) == 0)
            {
              g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_DUPLICATE,
                           /* Translators: %s is the name of a folder inside a routine
                            * pack, such as images. */
                           _("“%s” is in the pack both as a file and as a folder"), folder);
              return FALSE;
            }
          parent = g_path_get_dirname (folder);
          g_free (folder);
          folder = parent;
        }
    }
  return TRUE;
}

/* ---- what the routine names --------------------------------------------------------- */

/* Anything else in a pack could be a file a stranger wants on the user's disk. */
static int
compare_paths (const void *a,
               const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Anything else in a pack could be a file a stranger wants on the user's disk. */
static gboolean
check_all_referenced (UnknotPackReader  *self,
                      GError           **error)
{
  g_autofree const char **paths = NULL;
  guint n_paths;

  if (self->media == NULL)
    return TRUE;

  /* Sorted, so that the same pack always gets the same message. */
  paths = (const char **) g_hash_table_get_keys_as_array (self->files, &n_paths);
  qsort (paths, n_paths, sizeof *paths, compare_paths);
  for (guint i = 0; i < n_paths; i++)
    if (!unknot_pack_media_list_names (self->media, paths[i]))
      {
        g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_UNUSED_FILE,
                     /* Translators: %s is the name of a file inside a routine pack. */
                     _("“%s” is not used by the routine; a pack holds only the routine and "
                       "the pictures and audio it names"), paths[i]);
        return FALSE;
      }
  return TRUE;
}

/* ---- opening ------------------------------------------------------------------------ */

static gboolean
survey (UnknotPackReader  *self,
        GError           **error)
{
  Survey survey = { .reader = self };
  gboolean ok;

  ok = unknot_pack_archive_walk (self->archive, &survey_sink, &survey, error)
       && check_found_routine (self, &survey, error)
       && check_file_or_folder (self, error);
  g_clear_pointer (&survey.routine, g_byte_array_unref);
  g_free (survey.folded_routine);
  if (!ok)
    return FALSE;

  self->media = unknot_pack_media_list_find (self->routine_bytes, self->routine_name);
  return check_all_referenced (self, error);
}

static gboolean
check_size (gsize    size,
            GError **error)
{
  g_autofree char *limit = NULL;

  if (size == 0)
    {
      g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_NOT_A_PACK,
                   _("the file is empty; a routine pack is a ZIP archive as Unknot exports it"));
      return FALSE;
    }
  if (size <= UNKNOT_PACK_MAX_BYTES)
    return TRUE;
  limit = g_format_size_full (UNKNOT_PACK_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_TOO_LARGE,
               /* Translators: %s is a size, such as "64 MiB". */
               _("the pack is larger than %s, the most a routine pack may be"), limit);
  return FALSE;
}

/**
 * unknot_pack_reader_new_for_bytes:
 * @bytes: a whole routine pack
 *
 * Checks the pack, writing nothing.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with @error in
 *   %UNKNOT_PACK_ERROR if it must be refused.
 */
UnknotPackReader *
unknot_pack_reader_new_for_bytes (GBytes  *bytes,
                                  GError **error)
{
  g_autoptr (UnknotPackReader) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!check_size (g_bytes_get_size (bytes), error))
    return NULL;
  self = g_object_new (UNKNOT_TYPE_PACK_READER, NULL);
  self->archive = g_bytes_ref (bytes);
  if (!survey (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * unknot_pack_reader_new_for_file:
 * @file: a routine pack on disk
 *
 * Reads the file (a regular file of at most %UNKNOT_PACK_MAX_BYTES) and checks it, as
 * unknot_pack_reader_new_for_bytes() does.
 */
UnknotPackReader *
unknot_pack_reader_new_for_file (GFile   *file,
                                 GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) read_error = NULL;
  UnknotPackReader *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = unknot_file_reader_read (file, UNKNOT_PACK_MAX_BYTES, &read_error);
  if (bytes == NULL && g_error_matches (read_error, UNKNOT_ROUTINE_ERROR,
                                        UNKNOT_ROUTINE_ERROR_TOO_LARGE))
    {
      check_size (UNKNOT_PACK_MAX_BYTES + 1, error);
      return NULL;
    }
  if (bytes == NULL)
    {
      g_set_error_literal (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_IO, read_error->message);
      return NULL;
    }
  self = unknot_pack_reader_new_for_bytes (bytes, error);
  if (self != NULL)
    self->name = g_file_get_basename (file);
  return self;
}

/**
 * unknot_pack_reader_is_pack:
 *
 * Returns: whether @file is to be opened as a routine pack rather than a routine file:
 *   it is named *.unknot, or begins as a ZIP archive does.
 */
gboolean
unknot_pack_reader_is_pack (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr (GFileInputStream) stream = NULL;
  guint8 start[4] = { 0 };
  gsize got = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (name != NULL && g_str_has_suffix (name, UNKNOT_PACK_SUFFIX))
    return TRUE;
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return FALSE;
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), start, sizeof start, &got, NULL, NULL))
    return FALSE;
  return got == sizeof start && memcmp (start, "PK\3\4", sizeof start) == 0;
}

/* Returns: the routine file's name in the pack, such as "post-run-recovery.xml". */
const char *
unknot_pack_reader_get_routine_name (UnknotPackReader *self)
{
  g_return_val_if_fail (UNKNOT_IS_PACK_READER (self), NULL);
  return self->routine_name;
}

/**
 * unknot_pack_reader_get_display_name:
 * @pack_name: (nullable): how the pack itself is named to the user, such as its path;
 *   by default its file name
 *
 * Returns: (transfer full): how to name the routine file inside the pack in messages,
 *   as "PACK(ROUTINE)", the way linkers name a member of a library.
 */
char *
unknot_pack_reader_get_display_name (UnknotPackReader *self,
                                     const char       *pack_name)
{
  g_return_val_if_fail (UNKNOT_IS_PACK_READER (self), NULL);

  if (pack_name == NULL)
    pack_name = self->name != NULL ? self->name : "pack" UNKNOT_PACK_SUFFIX;
  return g_strdup_printf ("%s(%s)", pack_name, self->routine_name);
}

/* ---- loading ------------------------------------------------------------------------ */

static void
add_missing_media (UnknotPackReader *self,
                   const char       *display_name,
                   GPtrArray        *problems)
{
  guint n_media = self->media ? unknot_pack_media_list_get_size (self->media) : 0;

  for (guint i = 0; i < n_media; i++)
    {
      guint line, column;
      const char *path = unknot_pack_media_list_get (self->media, i, &line, &column);
      g_autofree char *message = NULL;

      if (g_hash_table_contains (self->files, path))
        continue;
      /* Translators: %s is a media path such as images/calf.svg. */
      message = g_strdup_printf (_("the pack lacks the media file '%s'; add it to the pack "
                                   "under this name, or fix the path"), path);
      g_ptr_array_add (problems, unknot_problem_new (display_name, line, column,
                                                     UNKNOT_SEVERITY_ERROR,
                                                     UNKNOT_ROUTINE_ERROR_MISSING_MEDIA,
                                                     message));
    }
}

static UnknotProblem *
find_first_error (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    if (unknot_problem_get_severity (g_ptr_array_index (problems, i)) == UNKNOT_SEVERITY_ERROR)
      return g_ptr_array_index (problems, i);
  return NULL;
}

/**
 * unknot_pack_reader_load_routine:
 * @parser: reads the routine, in the user's languages
 * @pack_name: (nullable): how to name the pack in messages; by default its file name
 * @problems: (out) (optional) (transfer full) (element-type UnknotProblem): every error
 *   and warning of the routine file, named as unknot_pack_reader_get_display_name()
 *   says, and media it names that are not in the pack
 *
 * Loads the routine from the pack without unpacking it: its steps have no image or
 * audio file, as those are only in the pack. A pack whose routine loads can be
 * unpacked.
 *
 * Returns: (transfer full) (nullable): the routine, or %NULL with @error set to the
 *   first problem.
 */
UnknotRoutine *
unknot_pack_reader_load_routine (UnknotPackReader     *self,
                                 UnknotRoutineParser  *parser,
                                 const char           *pack_name,
                                 GPtrArray           **problems,
                                 GError              **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  UnknotProblem *first_error;

  g_return_val_if_fail (UNKNOT_IS_PACK_READER (self), NULL);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PARSER (parser), NULL);

  display_name = unknot_pack_reader_get_display_name (self, pack_name);
  routine = unknot_routine_parser_load_bytes (parser, self->routine_bytes, NULL, display_name,
                                              &found, NULL);
  add_missing_media (self, display_name, found);
  first_error = find_first_error (found);
  self->routine_valid = first_error == NULL;
  if (first_error != NULL)
    {
      g_propagate_error (error, unknot_problem_to_error (first_error));
      g_clear_object (&routine);
    }
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return g_steal_pointer (&routine);
}

/* ---- unpacking: the second walk, in unknot-pack-unpacker.c ------------------------- */

/**
 * unknot_pack_reader_extract:
 * @destination: a folder that does not exist yet, in an existing one
 *
 * Unpacks the pack into @destination, all or nothing: into a hidden folder beside it,
 * renamed to @destination when complete. Only a pack whose routine
 * unknot_pack_reader_load_routine() loaded can be unpacked.
 *
 * Returns: (transfer full) (nullable): the routine file in @destination, or %NULL with
 *   @error set, and nothing left behind.
 */
GFile *
unknot_pack_reader_extract (UnknotPackReader  *self,
                            GFile             *destination,
                            GError           **error)
{
  g_return_val_if_fail (UNKNOT_IS_PACK_READER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (destination), NULL);

  if (!self->routine_valid)
    {
      g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_INVALID_ROUTINE,
                   _("the routine in the pack has errors; check it with unknot --validate"));
      return NULL;
    }

  if (!unknot_pack_unpacker_unpack (self->archive, destination, error))
    return NULL;
  return g_file_get_child (destination, self->routine_name);
}

/* ---- unpacked for a while ----------------------------------------------------------- */

static void
delete_folder (gpointer data)
{
  g_autoptr (GFile) folder = data;

  unknot_file_tree_delete (folder);
}

/**
 * unknot_pack_reader_load_unpacked:
 * @parser: reads the routine, in the user's languages
 * @pack_name: (nullable): how to name the pack in messages; by default its file name
 * @problems: (out) (optional) (transfer full) (element-type UnknotProblem): as
 *   unknot_pack_reader_load_routine() gives them
 *
 * Loads the routine with its media on disk, for a preview, a run or a handout of a pack
 * that is not in the library: a pack whose routine loads is unpacked into a private
 * temporary folder, which is deleted when the routine is finalized.
 *
 * Returns: (transfer full) (nullable): the routine, or %NULL with @error set.
 */
UnknotRoutine *
unknot_pack_reader_load_unpacked (UnknotPackReader     *self,
                                  UnknotRoutineParser  *parser,
                                  const char           *pack_name,
                                  GPtrArray           **problems,
                                  GError              **error)
{
  g_autoptr (UnknotRoutine) in_memory = NULL;
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GFile) destination = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;
  UnknotRoutine *routine;

  g_return_val_if_fail (UNKNOT_IS_PACK_READER (self), NULL);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PARSER (parser), NULL);

  in_memory = unknot_pack_reader_load_routine (self, parser, pack_name, problems, error);
  if (in_memory == NULL)
    return NULL;

  path = g_dir_make_tmp ("unknot-pack-XXXXXX", error);
  if (path == NULL)
    return NULL;
  folder = g_file_new_for_path (path);
  destination = g_file_get_child (folder, "routine");
  file = unknot_pack_reader_extract (self, destination, error);
  display_name = unknot_pack_reader_get_display_name (self, pack_name);
  routine = file != NULL ? unknot_routine_parser_load_file (parser, file, display_name, NULL,
                                                            error)
                         : NULL;
  if (routine == NULL)
    {
      unknot_file_tree_delete (folder);
      return NULL;
    }
  g_object_set_data_full (G_OBJECT (routine), "unknot-unpacked-pack-folder",
                          g_steal_pointer (&folder), delete_folder);
  return routine;
}
