/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "unknot-vocabulary.h"

G_BEGIN_DECLS

typedef enum
{
  UNKNOT_HISTORY_STATUS_IN_PROGRESS, /* running, or the app is recording it right now */
  UNKNOT_HISTORY_STATUS_COMPLETED,   /* the end was reached, at least half the planned time
                                      * active */
  UNKNOT_HISTORY_STATUS_STOPPED,     /* the user stopped early, or skipped through */
  UNKNOT_HISTORY_STATUS_INTERRUPTED, /* the app ended without closing it (crash, power) */
} UnknotHistoryStatus;

/* One finished step of a session. */
typedef struct
{
  UnknotRegion    region;
  UnknotTechnique technique;
  UnknotSide      side;
  guint           seconds;
} UnknotHistoryStep;

/* One recorded session, a plain copy of its row: changing it changes nothing stored. */
typedef struct
{
  gint64               id;
  char                *routine_id;
  char                *routine_name;      /* as shown when it ran, in the user's language */
  char                *routine_checksum;  /* SHA-256 of the routine file; nullable */
  GDateTime           *started_at;        /* UTC */
  GDateTime           *finished_at;       /* UTC; NULL while in progress or if interrupted */
  guint                planned_seconds;
  guint                active_seconds;
  guint                steps_completed;
  guint                steps_total;
  UnknotHistoryStatus  status;
  guint                feel;              /* 1 (bad) to 5 (great), 0 if not rated */
  char                *note;              /* nullable */
  char                *after_run;         /* the run kind id ("long") of the run the session
                                           * followed, as <suits run> writes it; nullable */
  GArray              *steps;             /* of UnknotHistoryStep in the order done; NULL
                                           * where a listing leaves them out */
} UnknotHistorySession;

#define UNKNOT_TYPE_HISTORY_SESSION (unknot_history_session_get_type ())

GType                 unknot_history_session_get_type      (void) G_GNUC_CONST;
UnknotHistorySession *unknot_history_session_new           (void);
UnknotHistorySession *unknot_history_session_copy          (const UnknotHistorySession *self);
void                  unknot_history_session_free          (UnknotHistorySession       *self);
gboolean              unknot_history_session_counts        (const UnknotHistorySession *self);
gboolean              unknot_history_active_time_counts    (gint64                      active_ms,
                                                            gint64                      planned_ms);

const char           *unknot_history_status_to_string      (UnknotHistoryStatus         status);
gboolean              unknot_history_status_from_string    (const char                 *text,
                                                            UnknotHistoryStatus        *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotHistorySession, unknot_history_session_free)

G_END_DECLS
