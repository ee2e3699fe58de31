/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-routine.h"

G_BEGIN_DECLS

GtkPrintOperation *unknot_handout_print_new (UnknotRoutine *routine);
void               unknot_handout_print_run (UnknotRoutine *routine,
                                             GtkWindow     *parent);

G_END_DECLS
