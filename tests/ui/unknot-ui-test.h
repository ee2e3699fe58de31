/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-application.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

G_BEGIN_DECLS

/* Helpers for the UI tests: one application per test program, on a private X server
 * and D-Bus session (tests/ui/run-under-xvfb). */

UnknotApplication *unknot_ui_test_start_application (void);
UnknotWindow      *unknot_ui_test_get_window        (UnknotApplication *application);
void               unknot_ui_test_wait_frames       (GtkWidget         *widget,
                                                     guint              n_frames);
void               unknot_ui_test_screenshot        (GtkWidget         *widget,
                                                     const char        *name);
GtkWidget         *unknot_ui_test_find_label        (GtkWidget         *root,
                                                     const char        *text);
GtkWidget         *unknot_ui_test_find_mapped       (GtkWidget         *root,
                                                     GType              type);
GtkEventController *unknot_ui_test_find_controller  (GtkWidget         *widget,
                                                     GType              type);

typedef gboolean (*UnknotUiTestMatch) (GtkWidget     *widget,
                                       gconstpointer  data);

GtkWidget         *unknot_ui_test_find              (GtkWidget         *root,
                                                     UnknotUiTestMatch  matches,
                                                     gconstpointer      data);
gboolean           unknot_ui_test_is_showing        (GtkWidget         *widget);

G_END_DECLS
