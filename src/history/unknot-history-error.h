/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UNKNOT_HISTORY_ERROR (unknot_history_error_quark ())

/* One code per situation the UI reacts to differently; the message (translated) says
 * which file and what to do. */
typedef enum
{
  UNKNOT_HISTORY_ERROR_FAILED,          /* SQLite refused for a reason not listed below */
  UNKNOT_HISTORY_ERROR_IO,              /* the disk failed to read or write */
  UNKNOT_HISTORY_ERROR_READ_ONLY,       /* the file or its folder may not be written */
  UNKNOT_HISTORY_ERROR_DISK_FULL,       /* no room for new rows */
  UNKNOT_HISTORY_ERROR_BUSY,            /* another program holds the file locked */
  UNKNOT_HISTORY_ERROR_CORRUPT,         /* damaged, and it could not be kept aside */
  UNKNOT_HISTORY_ERROR_TOO_NEW,         /* written by a newer Unknot; left untouched */
  UNKNOT_HISTORY_ERROR_NOT_FOUND,       /* no session with that id */
  UNKNOT_HISTORY_ERROR_NOT_IN_PROGRESS, /* the session was closed already */
  UNKNOT_HISTORY_ERROR_EXISTS,          /* restoring a session whose id is in use */
  UNKNOT_HISTORY_ERROR_NOT_RECORDED,    /* the start of this session could not be recorded */
} UnknotHistoryError;

GQuark unknot_history_error_quark (void);

G_END_DECLS
