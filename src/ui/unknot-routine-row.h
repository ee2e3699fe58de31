/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_ROW (unknot_routine_row_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRoutineRow, unknot_routine_row, UNKNOT, ROUTINE_ROW, GtkListBoxRow)

GtkWidget     *unknot_routine_row_new         (UnknotRoutine    *routine);
UnknotRoutine *unknot_routine_row_get_routine (UnknotRoutineRow *self);

G_END_DECLS
