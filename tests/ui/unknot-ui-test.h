/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-application.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"
#include "unknot-xtest.h"

G_BEGIN_DECLS

/* Helpers for the UI tests: one application per test program, on a private X server
 * and D-Bus session (tests/ui/run-under-xvfb). */

UnknotApplication *unknot_ui_test_start_application (void);
UnknotWindow      *unknot_ui_test_get_window        (UnknotApplication *application);
guint              unknot_ui_test_get_inhibited_flags (void);
guint              unknot_ui_test_get_n_inhibitors  (void);
void               unknot_ui_test_wait_frames       (GtkWidget         *widget,
                                                     guint              n_frames);
void               unknot_ui_test_screenshot        (GtkWidget         *widget,
                                                     const char        *name);
GdkTexture        *unknot_ui_test_render            (GtkWidget         *widget);
GtkWidget         *unknot_ui_test_find_label        (GtkWidget         *root,
                                                     const char        *text);
GtkWidget         *unknot_ui_test_find_mapped       (GtkWidget         *root,
                                                     GType              type);
void               unknot_ui_test_click_button      (GtkWidget         *root,
                                                     const char        *label);
GtkWidget         *unknot_ui_test_get_dialog        (UnknotWindow      *window);
GtkEventController *unknot_ui_test_find_controller  (GtkWidget         *widget,
                                                     GType              type);

typedef gboolean (*UnknotUiTestMatch) (GtkWidget     *widget,
                                       gconstpointer  data);

GtkWidget         *unknot_ui_test_find              (GtkWidget         *root,
                                                     UnknotUiTestMatch  matches,
                                                     gconstpointer      data);
graphene_rect_t    unknot_ui_test_get_bounds        (GtkWidget         *widget,
                                                     GtkWidget         *target);
gboolean           unknot_ui_test_is_showing        (GtkWidget         *widget);

gpointer           unknot_ui_test_get_child         (gpointer           widget,
                                                     GType              widget_type,
                                                     const char        *name);
const char        *unknot_ui_test_get_page_name     (UnknotWindow      *window);
GtkWidget         *unknot_ui_test_get_page          (UnknotWindow      *window,
                                                     const char        *name);
void               unknot_ui_test_activate          (UnknotWindow      *window,
                                                     const char        *action,
                                                     GVariant          *parameter);
guint              unknot_ui_test_count_rows        (gpointer           list_box);
void               unknot_ui_test_close_toast       (UnknotWindow      *window);
void               unknot_ui_test_focus_window      (UnknotXTest       *xtest,
                                                     GtkWindow         *window);
void               unknot_ui_test_click             (UnknotXTest       *xtest,
                                                     GtkWidget         *widget,
                                                     double             x_fraction);

G_END_DECLS
