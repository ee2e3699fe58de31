/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-duration.h"
#include "unknot-problem.h"
#include "unknot-routine-parser.h"
#include "unknot-cli.h"

/* Prints each problem as FILE:LINE:COL: error: MESSAGE, one a line. */
void
unknot_cli_print_problems (GPtrArray *problems,
                           FILE      *err)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = unknot_problem_format (g_ptr_array_index (problems, i));
      fprintf (err, "%s\n", line);
    }
}

static gboolean
validate_one (UnknotRoutineParser *parser,
              const char          *path,
              GHashTable          *ids,
              FILE                *out,
              FILE                *err)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autofree char *total = NULL;
  const char *first_path;

  routine = unknot_routine_parser_load_file (parser, file, path, &problems, NULL);
  unknot_cli_print_problems (problems, err);
  if (routine == NULL)
    return FALSE;

  /* Files checked together are treated like one library: the first id wins. */
  first_path = g_hash_table_lookup (ids, unknot_routine_get_id (routine));
  if (first_path != NULL)
    {
      g_autoptr (UnknotProblem) problem =
        unknot_routine_new_duplicate_id_problem (routine, path, first_path);
      g_autofree char *line = unknot_problem_format (problem);

      fprintf (err, "%s\n", line);
      return FALSE;
    }
  g_hash_table_insert (ids, g_strdup (unknot_routine_get_id (routine)), (gpointer) path);

  total = unknot_duration_format_clock (unknot_routine_get_total (routine,
                                                                  UNKNOT_DEFAULT_PREPARE_MS,
                                                                  UNKNOT_DEFAULT_SWITCH_GAP_MS));
  /* A fixed, untranslated form: scripts read this line. */
  fprintf (out, "%s: valid (%u steps, %s)\n", path, unknot_routine_get_n_steps (routine), total);
  return TRUE;
}

/* unknot --validate FILE…: exit status 0 if every file is valid, 1 otherwise. Missing
 * media is an error here, unlike in the app, where the step runs without it. */
int
unknot_cli_validate (const char *const *paths,
                     FILE              *out,
                     FILE              *err)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean all_valid = TRUE;

  if (paths == NULL || paths[0] == NULL)
    {
      fprintf (err, "%s\n", _("Name one or more routine files to check, such as: "
                              "unknot --validate my-routine.xml"));
      return 1;
    }

  unknot_routine_parser_set_missing_media_is_error (parser, TRUE);
  for (guint i = 0; paths[i] != NULL; i++)
    all_valid &= validate_one (parser, paths[i], ids, out, err);

  return all_valid ? 0 : 1;
}
