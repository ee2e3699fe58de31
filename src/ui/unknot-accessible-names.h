/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *unknot_accessible_names_strip_mnemonic (const char *label);
void  unknot_accessible_names_fix            (GtkWidget  *root);

G_END_DECLS
