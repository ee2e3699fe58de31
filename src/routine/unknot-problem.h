/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-routine-error.h"

G_BEGIN_DECLS

typedef enum
{
  UNKNOT_SEVERITY_ERROR,
  UNKNOT_SEVERITY_WARNING,
} UnknotSeverity;

#define UNKNOT_TYPE_PROBLEM (unknot_problem_get_type ())
G_DECLARE_FINAL_TYPE (UnknotProblem, unknot_problem, UNKNOT, PROBLEM, GObject)

UnknotProblem      *unknot_problem_new           (const char         *filename,
                                                  guint               line,
                                                  guint               column,
                                                  UnknotSeverity      severity,
                                                  UnknotRoutineError  code,
                                                  const char         *message);

const char         *unknot_problem_get_filename  (UnknotProblem      *self);
guint               unknot_problem_get_line      (UnknotProblem      *self);
guint               unknot_problem_get_column    (UnknotProblem      *self);
UnknotSeverity      unknot_problem_get_severity  (UnknotProblem      *self);
UnknotRoutineError  unknot_problem_get_code      (UnknotProblem      *self);
const char         *unknot_problem_get_message   (UnknotProblem      *self);

char               *unknot_problem_format        (UnknotProblem      *self);
GError             *unknot_problem_to_error      (UnknotProblem      *self);

G_END_DECLS
