/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-cli.h"
#include "unknot-library.h"
#include "unknot-pack-reader.h"

/* How the modes find the routine they are given: a routine file or a routine pack, or
 * for the modes that take ID-OR-FILE, the id of a routine in the library. */

/**
 * unknot_cli_load_routine_file:
 * @path: a routine file or a routine pack, as the user typed it
 *
 * Prints every problem to @err, FILE:LINE:COL first, as --validate does; a pack's
 * routine is named PACK(ROUTINE) and read without unpacking the pack, so its steps have
 * no media files.
 *
 * Returns: (transfer full) (nullable): the routine, or %NULL if it has errors.
 */
UnknotRoutine *
unknot_cli_load_routine_file (UnknotRoutineParser *parser,
                              const char          *path,
                              FILE                *err)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (UnknotPackReader) pack = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;

  if (!unknot_pack_reader_is_pack (file))
    routine = unknot_routine_parser_load_file (parser, file, path, &problems, NULL);
  else if ((pack = unknot_pack_reader_new_for_file (file, &error)) != NULL)
    routine = unknot_pack_reader_load_routine (pack, parser, path, &problems, NULL);
  else
    {
      /* The same frame as a problem without a line, so that tools read it alike. */
      fprintf (err, "%s: error: %s\n", path, error->message);
      return NULL;
    }

  unknot_cli_print_problems (problems, err);
  return routine;
}

static UnknotRoutine *
open_file (GFile      *file,
           const char *path,
           FILE       *err)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (UnknotPackReader) pack = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;

  if (!unknot_pack_reader_is_pack (file))
    routine = unknot_routine_parser_load_file (parser, file, path, &problems, NULL);
  else if ((pack = unknot_pack_reader_new_for_file (file, &error)) != NULL)
    routine = unknot_pack_reader_load_unpacked (pack, parser, path, &problems, &error);
  else
    routine = NULL;

  unknot_cli_print_problems (problems, err);
  if (routine == NULL && problems == NULL && error != NULL)
    fprintf (err, "%s: error: %s\n", path, error->message);
  return routine;
}

/**
 * unknot_cli_open_routine:
 * @id_or_file: the id of a routine in the library, or a routine file or pack
 *
 * Finds the routine with its pictures and audio on disk: a pack is unpacked into a
 * temporary folder that goes when the routine does. Problems go to @err.
 *
 * Returns: (transfer full) (nullable): the routine, or %NULL if there is none or it has
 *   errors.
 */
UnknotRoutine *
unknot_cli_open_routine (const char *id_or_file,
                         FILE       *err)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (id_or_file);
  g_autoptr (UnknotLibrary) library = NULL;
  UnknotRoutine *routine;

  if (g_file_query_exists (file, NULL))
    return open_file (file, id_or_file, err);

  library = unknot_library_new_default ();
  routine = unknot_library_lookup (library, id_or_file);
  if (routine != NULL)
    return g_object_ref (routine);

  /* Translators: %s is what the user typed: a routine id or a file name. */
  fprintf (err, _("No routine has the id “%s”, and there is no such file. Give the id "
                  "of a routine in the library, such as post-run-recovery, or the path of "
                  "a routine file or pack.\n"), id_or_file);
  return NULL;
}
