/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void unknot_announce (GtkLabel   *status,
                      const char *text);

G_END_DECLS
