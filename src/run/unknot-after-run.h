/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-routine.h"
#include "unknot-vocabulary.h"

G_BEGIN_DECLS

/* What the runner said in "Just ran?", and what the history knows. */
typedef struct
{
  UnknotRunKind kind;
  guint minutes;                 /* the time they have for a routine */
  guint32 worked_this_week;      /* 1 << UnknotRegion: regions a session worked this week */
  gint64 default_prepare_ms;     /* the user's settings, for routines' totals */
  gint64 default_switch_gap_ms;
} UnknotAfterRun;

guint32    unknot_after_run_get_loaded_regions (UnknotRunKind         kind);
GPtrArray *unknot_after_run_suggest            (const UnknotAfterRun *after,
                                                GListModel           *routines);

G_END_DECLS
