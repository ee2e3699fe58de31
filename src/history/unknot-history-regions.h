/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-history.h"

G_BEGIN_DECLS

/* When each region was last worked, for "Just ran?" and the library's body map. */
typedef struct
{
  gint days_since[UNKNOT_N_REGIONS]; /* local days from the last session that worked it to
                                      * today: 0 today, 1 yesterday; -1 never */
  guint32 this_week;                 /* 1 << UnknotRegion: worked in the week of now */
} UnknotHistoryRegionsDue;

gboolean unknot_history_get_regions_due (UnknotHistory            *self,
                                         GDateTime                *now,
                                         UnknotHistoryRegionsDue  *due,
                                         GError                  **error);

G_END_DECLS
