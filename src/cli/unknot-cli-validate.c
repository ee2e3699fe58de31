/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-cli.h"
#include "unknot-duration.h"
#include "unknot-library.h"
#include "unknot-routine-folder.h"
#include "unknot-routine-parser.h"

/* unknot --validate FILE…: each file is checked on its own, and then its id against the
 * library it would join: the shipped routines, the user's folder, and the other files
 * checked with it. The library keeps the first routine of each id (shipped before the
 * user's, then by file name), so a clash is blamed on the file that would lose, and
 * both files are named by their full paths: two files of the same name are common, a
 * user's copy of a shipped routine being the usual case. */

/* Where a routine stands in the library: the lower rank, then the lower order, wins. */
typedef enum
{
  RANK_SHIPPED,
  RANK_USER_FOLDER,
  RANK_ELSEWHERE, /* checked from elsewhere: it would be added to the user's folder */
} Rank;

typedef struct
{
  UnknotRoutine *routine;
  GFile *file;
  char *typed;    /* as the user typed it, for FILE:LINE:COL; NULL for library files */
  Rank rank;
  guint order;
} Claim;

static void
claim_free (gpointer data)
{
  Claim *claim = data;

  g_object_unref (claim->routine);
  g_object_unref (claim->file);
  g_free (claim->typed);
  g_free (claim);
}

static Claim *
claim_new (UnknotRoutine *routine,
           GFile         *file,
           const char    *typed,
           Rank           rank,
           guint          order)
{
  Claim *claim = g_new0 (Claim, 1);

  claim->routine = g_object_ref (routine);
  claim->file = g_object_ref (file);
  claim->typed = g_strdup (typed);
  claim->rank = rank;
  claim->order = order;
  return claim;
}

/* The routines of one library folder, as the app reads them; a folder that is missing
 * is not made, since checking a file must not change anything. */
static void
add_folder_claims (GFile     *directory,
                   Rank       rank,
                   GPtrArray *claims)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (UnknotRoutineFolder) folder = unknot_routine_folder_new (directory, parser, FALSE);
  g_autoptr (GPtrArray) routines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);

  unknot_routine_folder_scan (folder);
  unknot_routine_folder_collect (folder, routines, problems);
  for (guint i = 0; i < routines->len; i++)
    {
      UnknotRoutine *routine = g_ptr_array_index (routines, i);

      if (unknot_routine_get_file (routine) != NULL)
        g_ptr_array_add (claims, claim_new (routine, unknot_routine_get_file (routine), NULL,
                                            rank, i));
    }
}

static Claim *
find_claim (GPtrArray *claims,
            GFile     *file)
{
  for (guint i = 0; i < claims->len; i++)
    {
      Claim *claim = g_ptr_array_index (claims, i);

      if (g_file_equal (claim->file, file))
        return claim;
    }
  return NULL;
}

/* A file that is in the library already takes the place of its entry there, read as
 * it is now. */
static Claim *
add_checked_claim (GPtrArray     *claims,
                   UnknotRoutine *routine,
                   const char    *typed,
                   guint          order)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (typed);
  Claim *claim = find_claim (claims, file);

  if (claim == NULL)
    {
      claim = claim_new (routine, file, typed, RANK_ELSEWHERE, order);
      g_ptr_array_add (claims, claim);
    }
  else if (claim->typed == NULL)
    {
      g_set_object (&claim->routine, routine);
      claim->typed = g_strdup (typed);
    }
  return claim;
}

static gboolean
comes_before (const Claim *a,
              const Claim *b)
{
  return a->rank != b->rank ? a->rank < b->rank : a->order < b->order;
}

/* The claim that keeps @claim's id in the library. */
static const Claim *
find_winner (GPtrArray   *claims,
             const Claim *claim)
{
  const Claim *winner = claim;
  const char *id = unknot_routine_get_id (claim->routine);

  for (guint i = 0; i < claims->len; i++)
    {
      const Claim *other = g_ptr_array_index (claims, i);

      if (g_str_equal (unknot_routine_get_id (other->routine), id)
          && comes_before (other, winner))
        winner = other;
    }
  return winner;
}

static gboolean
report_claim (GPtrArray   *claims,
              const Claim *claim,
              FILE        *out,
              FILE        *err)
{
  const Claim *winner = find_winner (claims, claim);
  g_autofree char *total = NULL;

  if (winner != claim)
    {
      g_autofree char *path = g_file_get_parse_name (claim->file);
      g_autofree char *winner_path = g_file_get_parse_name (winner->file);
      g_autoptr (UnknotProblem) problem =
        unknot_routine_new_duplicate_id_problem (claim->routine, claim->typed, path,
                                                 winner_path);
      g_autofree char *line = unknot_problem_format (problem);

      fprintf (err, "%s\n", line);
      return FALSE;
    }

  total = unknot_duration_format_clock (unknot_routine_get_total (claim->routine,
                                                                  UNKNOT_DEFAULT_PREPARE_MS,
                                                                  UNKNOT_DEFAULT_SWITCH_GAP_MS));
  /* A fixed, untranslated form: scripts read this line. */
  fprintf (out, "%s: valid (%u steps, %s)\n", claim->typed,
           unknot_routine_get_n_steps (claim->routine), total);
  return TRUE;
}

/* The claims of the files checked, in the order given; NULL for a file with errors. */
static GPtrArray *
load_checked (const char *const *paths,
              GPtrArray         *claims,
              FILE              *err)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  GPtrArray *checked = g_ptr_array_new ();

  unknot_routine_parser_set_missing_media_is_error (parser, TRUE);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr (UnknotRoutine) routine = unknot_cli_load_routine_file (parser, paths[i], err);

      g_ptr_array_add (checked, routine != NULL ? add_checked_claim (claims, routine, paths[i], i)
                                                : NULL);
    }
  return checked;
}

/* unknot --validate FILE…: exit status 0 if every file is valid, 1 otherwise. Missing
 * media is an error here, unlike in the app, where the step runs without it. */
int
unknot_cli_validate (const char *const *paths,
                     FILE              *out,
                     FILE              *err)
{
  g_autoptr (GPtrArray) claims = g_ptr_array_new_with_free_func (claim_free);
  g_autoptr (GPtrArray) checked = NULL;
  g_autoptr (GFile) shipped = unknot_library_get_shipped_folder_default ();
  g_autoptr (GFile) user = unknot_library_get_user_folder_default ();
  gboolean all_valid = TRUE;

  if (paths == NULL || paths[0] == NULL)
    {
      fprintf (err, "%s\n", _("Name one or more routine files to check, such as: "
                              "unknot --validate my-routine.xml"));
      return 1;
    }

  add_folder_claims (shipped, RANK_SHIPPED, claims);
  add_folder_claims (user, RANK_USER_FOLDER, claims);
  checked = load_checked (paths, claims, err);
  for (guint i = 0; i < checked->len; i++)
    {
      const Claim *claim = g_ptr_array_index (checked, i);

      all_valid &= claim != NULL && report_claim (claims, claim, out, err);
    }

  return all_valid ? 0 : 1;
}
