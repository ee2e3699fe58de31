/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-problem.h"
#include "unknot-step.h"

G_BEGIN_DECLS

/* The routine format versions this build reads. */
#define UNKNOT_ROUTINE_FORMAT_VERSION 1

/* Limits of format 1, in ms. */
#define UNKNOT_STEP_MIN_MS       G_GINT64_CONSTANT (1000)
#define UNKNOT_STEP_MAX_MS       G_GINT64_CONSTANT (3600000)
#define UNKNOT_PREPARE_MAX_MS    G_GINT64_CONSTANT (300000)
#define UNKNOT_SWITCH_GAP_MAX_MS G_GINT64_CONSTANT (60000)
#define UNKNOT_ROUTINE_MAX_MS    G_GINT64_CONSTANT (14400000)

/* What the app does when a file leaves these out, unless the user's settings say
 * otherwise; the GSettings schema has the same defaults (a test checks). */
#define UNKNOT_DEFAULT_PREPARE_MS    G_GINT64_CONSTANT (10000)
#define UNKNOT_DEFAULT_SWITCH_GAP_MS G_GINT64_CONSTANT (5000)

/* Everything a routine is made of, for unknot_routine_new(). */
typedef struct
{
  const char *id;
  guint id_line;         /* where the id is written, for duplicate-id messages */
  guint id_column;
  const char *name;
  const char *description;
  const char *author;    /* nullable */
  const char *license;   /* nullable */
  const char *safety;    /* nullable */
  gint64 prepare;        /* ms, or -1 for the user's setting */
  guint32 suits;         /* 1 << UnknotRunKind: the runs it suits after; 0 if unsaid */
  GFile *file;           /* nullable */
  GBytes *source;        /* the file's bytes */
  GPtrArray *items;      /* of UnknotStep */
  GPtrArray *warnings;   /* nullable; of UnknotProblem */
} UnknotRoutineFields;

#define UNKNOT_TYPE_ROUTINE (unknot_routine_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRoutine, unknot_routine, UNKNOT, ROUTINE, GObject)

UnknotRoutine *unknot_routine_new            (const UnknotRoutineFields *fields);

const char  *unknot_routine_get_id           (UnknotRoutine *self);
const char  *unknot_routine_get_name         (UnknotRoutine *self);
const char  *unknot_routine_get_description  (UnknotRoutine *self);
const char  *unknot_routine_get_author       (UnknotRoutine *self);
const char  *unknot_routine_get_license      (UnknotRoutine *self);
const char  *unknot_routine_get_safety       (UnknotRoutine *self);
gint64       unknot_routine_get_prepare      (UnknotRoutine *self);
guint32      unknot_routine_get_suits        (UnknotRoutine *self);
GFile       *unknot_routine_get_file         (UnknotRoutine *self);
const char  *unknot_routine_get_checksum     (UnknotRoutine *self);
guint        unknot_routine_get_n_items      (UnknotRoutine *self);
UnknotStep  *unknot_routine_get_item         (UnknotRoutine *self,
                                              guint          index);
guint        unknot_routine_get_n_steps      (UnknotRoutine *self);
GPtrArray   *unknot_routine_get_warnings     (UnknotRoutine *self);
gint64       unknot_routine_get_total        (UnknotRoutine *self,
                                              gint64         default_prepare,
                                              gint64         default_switch_gap);
guint32      unknot_routine_get_regions      (UnknotRoutine *self);
guint32      unknot_routine_get_tools        (UnknotRoutine *self);
gboolean     unknot_routine_matches          (UnknotRoutine *self,
                                              const char    *search);
UnknotProblem *unknot_routine_new_duplicate_id_problem (UnknotRoutine *self,
                                                        const char    *display_name,
                                                        const char    *path,
                                                        const char    *first_path);

G_END_DECLS
