/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-problem.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PROBLEM_ROW (unknot_problem_row_get_type ())
G_DECLARE_FINAL_TYPE (UnknotProblemRow, unknot_problem_row, UNKNOT, PROBLEM_ROW, AdwActionRow)

GtkWidget *unknot_problem_row_new (UnknotProblem *problem);

G_END_DECLS
