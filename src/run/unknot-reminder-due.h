/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-routine.h"

G_BEGIN_DECLS

/* What a reminder proposes, from the history's sessions (UnknotHistorySession, newest
 * first, as unknot_history_list_sessions() gives them). */

UnknotRoutine *unknot_reminder_pick_routine (GListModel *routines,
                                             GPtrArray  *sessions);
gboolean       unknot_reminder_is_running   (GPtrArray  *sessions,
                                             GDateTime  *now);

G_END_DECLS
