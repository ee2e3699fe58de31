/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-application.h"
#include "unknot-run.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_WINDOW (unknot_window_get_type ())
G_DECLARE_FINAL_TYPE (UnknotWindow, unknot_window, UNKNOT, WINDOW, AdwApplicationWindow)

UnknotWindow *unknot_window_new            (UnknotApplication *application);
UnknotRun    *unknot_window_get_run        (UnknotWindow      *self);
void          unknot_window_open_file      (UnknotWindow      *self,
                                            GFile             *file);
gboolean      unknot_window_start          (UnknotWindow      *self,
                                            const char        *id,
                                            GFile             *file);
void          unknot_window_export_history (UnknotWindow      *self,
                                            GFile             *file);
void          unknot_window_add_toast      (UnknotWindow      *self,
                                            const char        *message);

void          unknot_window_show_routine_id (UnknotWindow *self,
                                             const char   *id);

G_END_DECLS
