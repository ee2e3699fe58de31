/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-history-session.h"
#include "unknot-routine.h"

G_BEGIN_DECLS

/* How the UI words durations, lists and counts; one place, so every page says the
 * same thing the same way in every language. */

char *unknot_format_duration       (gint64   ms);
char *unknot_format_duration_rounded (gint64 ms);
char *unknot_format_regions        (guint32  regions);
char *unknot_format_tools          (guint32  tools);
char *unknot_format_steps          (guint    n_steps);
char *unknot_format_step_facts     (UnknotStep *step);
char *unknot_format_step_details   (UnknotStep *step);

char       *unknot_format_sessions         (guint                n_sessions);
char       *unknot_format_weeks            (guint                n_weeks);
char       *unknot_format_goal_progress    (guint                this_week,
                                            guint                goal);
char       *unknot_format_feel             (guint                feel);
const char *unknot_format_history_status   (UnknotHistoryStatus  status);
char       *unknot_format_date_time        (GDateTime           *time);
char       *unknot_format_day              (GDateTime           *time);

G_END_DECLS
