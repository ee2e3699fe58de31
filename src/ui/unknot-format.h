/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-history-session.h"
#include "unknot-routine.h"
#include "unknot-routine-format.h"

G_BEGIN_DECLS

/* How the UI words counts, dates and the history; one place, so every page says the
 * same thing the same way in every language. Durations, lists and steps are worded in
 * unknot-routine-format.h, which the handout and the command line share. */

char       *unknot_format_sessions         (guint                n_sessions);
char       *unknot_format_speed            (double               speed);
char       *unknot_format_weeks            (guint                n_weeks);
char       *unknot_format_goal_progress    (guint                this_week,
                                            guint                goal);
char       *unknot_format_feel             (guint                feel);
const char *unknot_format_history_status   (UnknotHistoryStatus  status);
const char *unknot_format_after_run        (const char          *run_kind_id);
char       *unknot_format_date_time        (GDateTime           *time);
char       *unknot_format_day              (GDateTime           *time);

G_END_DECLS
