/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-problem.h"

/* One thing wrong with one routine file, at a place an author can jump to. */
struct _UnknotProblem
{
  GObject parent_instance;

  char *filename;
  guint line;
  guint column;
  UnknotSeverity severity;
  UnknotRoutineError code;
  char *message;
};

G_DEFINE_FINAL_TYPE (UnknotProblem, unknot_problem, G_TYPE_OBJECT)

static void
unknot_problem_finalize (GObject *object)
{
  UnknotProblem *self = UNKNOT_PROBLEM (object);

  g_free (self->filename);
  g_free (self->message);

  G_OBJECT_CLASS (unknot_problem_parent_class)->finalize (object);
}

static void
unknot_problem_class_init (UnknotProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_problem_finalize;
}

static void
unknot_problem_init (UnknotProblem *self)
{
}

/* Line and column count from 1; 0 means "not known" (an unreadable file has neither). */
UnknotProblem *
unknot_problem_new (const char         *filename,
                    guint               line,
                    guint               column,
                    UnknotSeverity      severity,
                    UnknotRoutineError  code,
                    const char         *message)
{
  UnknotProblem *self;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (UNKNOT_TYPE_PROBLEM, NULL);
  self->filename = g_strdup (filename);
  self->line = line;
  self->column = column;
  self->severity = severity;
  self->code = code;
  self->message = g_strdup (message);

  return self;
}

const char *
unknot_problem_get_filename (UnknotProblem *self)
{
  g_return_val_if_fail (UNKNOT_IS_PROBLEM (self), NULL);
  return self->filename;
}

guint
unknot_problem_get_line (UnknotProblem *self)
{
  g_return_val_if_fail (UNKNOT_IS_PROBLEM (self), 0);
  return self->line;
}

guint
unknot_problem_get_column (UnknotProblem *self)
{
  g_return_val_if_fail (UNKNOT_IS_PROBLEM (self), 0);
  return self->column;
}

UnknotSeverity
unknot_problem_get_severity (UnknotProblem *self)
{
  g_return_val_if_fail (UNKNOT_IS_PROBLEM (self), UNKNOT_SEVERITY_ERROR);
  return self->severity;
}

UnknotRoutineError
unknot_problem_get_code (UnknotProblem *self)
{
  g_return_val_if_fail (UNKNOT_IS_PROBLEM (self), UNKNOT_ROUTINE_ERROR_IO);
  return self->code;
}

const char *
unknot_problem_get_message (UnknotProblem *self)
{
  g_return_val_if_fail (UNKNOT_IS_PROBLEM (self), NULL);
  return self->message;
}

/* The compiler-style form editors understand: FILE:LINE:COL: error: MESSAGE. */
char *
unknot_problem_format (UnknotProblem *self)
{
  const char *severity;

  g_return_val_if_fail (UNKNOT_IS_PROBLEM (self), NULL);

  /* Untranslated, like the rest of this line's frame, so that editors and scripts can
   * parse it in any language; the message itself is translated. */
  severity = self->severity == UNKNOT_SEVERITY_ERROR ? "error" : "warning";

  if (self->line == 0)
    return g_strdup_printf ("%s: %s: %s", self->filename, severity, self->message);

  return g_strdup_printf ("%s:%u:%u: %s: %s",
                          self->filename, self->line, MAX (self->column, 1),
                          severity, self->message);
}

GError *
unknot_problem_to_error (UnknotProblem *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (UNKNOT_IS_PROBLEM (self), NULL);

  text = unknot_problem_format (self);
  return g_error_new_literal (UNKNOT_ROUTINE_ERROR, self->code, text);
}
