/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-problem.h"
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
