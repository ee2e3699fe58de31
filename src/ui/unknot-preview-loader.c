/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-preview-loader.h"

/* What the routine page previews when a file is opened from outside the library: a
 * routine file, read where it is, or a routine pack (.unknot), unpacked into a folder of
 * its own that goes with the routine, so that its pictures show and its audio plays in
 * the preview as they will once added. "Add to Library" copies a routine file and its
 * media, or unpacks a pack into the user's routines folder as a routine pack folder. */

/* A pack refused as a whole (not a ZIP, hostile, too large) is one problem of the file. */
static GPtrArray *
problems_from_error (const char   *path,
                     const GError *error)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (problems, unknot_problem_new (path, 0, 0, UNKNOT_SEVERITY_ERROR,
                                                 UNKNOT_ROUTINE_ERROR_IO, error->message));
  return problems;
}

/**
 * unknot_preview_loader_load:
 * @pack: (out) (transfer full): the pack, when @file is one, or %NULL
 * @problems: (out) (transfer full) (nullable): what is wrong with the file
 *
 * Returns: (transfer full) (nullable): the routine, or %NULL if it has errors.
 */
UnknotRoutine *
unknot_preview_loader_load (GFile             *file,
                            UnknotPackReader **pack,
                            GPtrArray        **problems)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autofree char *path = g_file_get_parse_name (file);
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  *pack = NULL;
  *problems = NULL;
  if (!unknot_pack_reader_is_pack (file))
    return unknot_routine_parser_load_file (parser, file, path, problems, NULL);

  *pack = unknot_pack_reader_new_for_file (file, &error);
  if (*pack == NULL)
    {
      *problems = problems_from_error (path, error);
      return NULL;
    }
  routine = unknot_pack_reader_load_unpacked (*pack, parser, path, problems, &error);
  if (routine == NULL && *problems == NULL && error != NULL)
    *problems = problems_from_error (path, error);
  return routine;
}

/**
 * unknot_preview_loader_add:
 * @pack: (nullable): the pack @routine was read from
 *
 * Adds a previewed routine to the library.
 *
 * Returns: (transfer full) (nullable): its file in the library, or %NULL with @error set.
 */
GFile *
unknot_preview_loader_add (UnknotLibrary     *library,
                           UnknotRoutine     *routine,
                           UnknotPackReader  *pack,
                           GError           **error)
{
  g_return_val_if_fail (UNKNOT_IS_LIBRARY (library), NULL);

  if (pack != NULL)
    return unknot_library_add_pack (library, pack, error);
  return unknot_library_add_routine (library, routine, error);
}
