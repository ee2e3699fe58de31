/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *unknot_toast_new_text  (const char *text);
void      unknot_toast_add       (GtkWidget  *widget,
                                  AdwToast   *toast);
void      unknot_toast_show_text (GtkWidget  *widget,
                                  const char *text);

G_END_DECLS
