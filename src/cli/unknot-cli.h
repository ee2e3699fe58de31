/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "unknot-routine-parser.h"

G_BEGIN_DECLS

/* The command-line modes of DESIGN.md that need no display. Each returns the process
 * exit status. */

int  unknot_cli_validate        (const char *const *paths,
                                 FILE              *out,
                                 FILE              *err);
int  unknot_cli_export_history (const char        *path,
                                 FILE              *out,
                                 FILE              *err);
int  unknot_cli_timeline        (const char        *path,
                                 const char *const *more,
                                 FILE              *out,
                                 FILE              *err);
int  unknot_cli_export_pack     (const char        *id_or_file,
                                 const char *const *rest,
                                 FILE              *out,
                                 FILE              *err);
int  unknot_cli_handout         (const char        *id_or_file,
                                 const char *const *rest,
                                 FILE              *out,
                                 FILE              *err);

/* Shared by the modes. */
void           unknot_cli_print_problems    (GPtrArray           *problems,
                                             FILE                *err);
UnknotRoutine *unknot_cli_load_routine_file (UnknotRoutineParser *parser,
                                             const char          *path,
                                             FILE                *err);
UnknotRoutine *unknot_cli_open_routine      (const char          *id_or_file,
                                             FILE                *err);

G_END_DECLS
