/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-run.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_RUN_NOTIFIER (unknot_run_notifier_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRunNotifier, unknot_run_notifier, UNKNOT, RUN_NOTIFIER, GObject)

UnknotRunNotifier *unknot_run_notifier_new     (GtkWindow         *window,
                                                GSettings         *settings);
UnknotRun         *unknot_run_notifier_get_run (UnknotRunNotifier *self);
void               unknot_run_notifier_set_run (UnknotRunNotifier *self,
                                                UnknotRun         *run);

G_END_DECLS
