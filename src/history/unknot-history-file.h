/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-history-db.h"

G_BEGIN_DECLS

/* How the history store gets a usable connection to its file, whatever state the file
 * is in. Internal to src/history/. */
typedef enum
{
  UNKNOT_HISTORY_OPEN_WRITE, /* migrate, keep a damaged file aside, fall back to reading */
  UNKNOT_HISTORY_OPEN_READ,  /* change nothing on disk; a missing file reads as empty */
} UnknotHistoryOpenMode;

UnknotHistoryDb *unknot_history_file_open (const char             *path,
                                           UnknotHistoryOpenMode   mode,
                                           gboolean               *read_only,
                                           char                  **kept_aside_path,
                                           GError                **error);

G_END_DECLS
