/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-step.h"

G_BEGIN_DECLS

char *unknot_format_duration         (gint64      ms);
char *unknot_format_duration_rounded (gint64      ms);
char *unknot_format_regions          (guint32     regions);
char *unknot_format_tools            (guint32     tools);
char *unknot_format_steps            (guint       n_steps);
char *unknot_format_step_facts       (UnknotStep *step);
char *unknot_format_step_details     (UnknotStep *step);

G_END_DECLS
