/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-application.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_WINDOW (unknot_window_get_type ())
G_DECLARE_FINAL_TYPE (UnknotWindow, unknot_window, UNKNOT, WINDOW, AdwApplicationWindow)

UnknotWindow *unknot_window_new            (UnknotApplication *application);
void          unknot_window_open_file      (UnknotWindow      *self,
                                            GFile             *file);
void          unknot_window_show_routine   (UnknotWindow      *self,
                                            UnknotRoutine     *routine);
gboolean      unknot_window_start          (UnknotWindow      *self,
                                            const char        *id,
                                            GFile             *file);
void          unknot_window_show_library   (UnknotWindow      *self);
void          unknot_window_show_history   (UnknotWindow      *self);
gboolean      unknot_window_export_history (UnknotWindow      *self,
                                            GFile             *file);
void          unknot_window_add_toast      (UnknotWindow      *self,
                                            const char        *message);
const char   *unknot_window_get_last_toast (UnknotWindow      *self);
const char   *unknot_window_get_page_name  (UnknotWindow      *self);
GtkWidget    *unknot_window_get_page       (UnknotWindow      *self,
                                            const char        *name);

G_END_DECLS
