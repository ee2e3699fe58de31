/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-problem-collector.h"
#include "unknot-xml-document.h"

/* Every problem found in one routine file, from whichever stage found it: the XML
 * parser, the routine's own checks, the schema. It keeps them in file order, counts the
 * errors, caps the list at UNKNOT_PROBLEMS_MAX (a file with a thousand mistakes gets
 * the first twenty and a count of the rest, not a wall of text), and finds where in
 * the file an element or an attribute is written. */
struct _UnknotProblemCollector
{
  GObject parent_instance;

  char *filename;
  UnknotXmlDocument *document; /* nullable: nothing can be located before parsing */
  GPtrArray *problems;         /* of UnknotProblem, errors and warnings, at most the cap */
  GPtrArray *warnings;         /* every warning again, for the routine to keep */
  guint n_errors;
  guint n_dropped;
};

G_DEFINE_FINAL_TYPE (UnknotProblemCollector, unknot_problem_collector, G_TYPE_OBJECT)

static void
unknot_problem_collector_finalize (GObject *object)
{
  UnknotProblemCollector *self = UNKNOT_PROBLEM_COLLECTOR (object);

  g_free (self->filename);
  g_clear_object (&self->document);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (unknot_problem_collector_parent_class)->finalize (object);
}

static void
unknot_problem_collector_class_init (UnknotProblemCollectorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_problem_collector_finalize;
}

static void
unknot_problem_collector_init (UnknotProblemCollector *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_object_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_object_unref);
}

/* @filename: how every problem names the file */
UnknotProblemCollector *
unknot_problem_collector_new (const char *filename)
{
  UnknotProblemCollector *self;

  g_return_val_if_fail (filename != NULL, NULL);

  self = g_object_new (UNKNOT_TYPE_PROBLEM_COLLECTOR, NULL);
  self->filename = g_strdup (filename);
  return self;
}

const char *
unknot_problem_collector_get_filename (UnknotProblemCollector *self)
{
  g_return_val_if_fail (UNKNOT_IS_PROBLEM_COLLECTOR (self), NULL);
  return self->filename;
}

/* The parsed file, in which the nodes handed to unknot_problem_collector_report() are
 * found. */
void
unknot_problem_collector_set_document (UnknotProblemCollector *self,
                                       UnknotXmlDocument      *document)
{
  g_return_if_fail (UNKNOT_IS_PROBLEM_COLLECTOR (self));
  g_set_object (&self->document, document);
}

static gboolean
is_full (UnknotProblemCollector *self)
{
  return self->problems->len >= UNKNOT_PROBLEMS_MAX;
}

static void
take_problem (UnknotProblemCollector *self,
              UnknotProblem          *problem)
{
  if (unknot_problem_get_severity (problem) == UNKNOT_SEVERITY_ERROR)
    self->n_errors++;
  else
    g_ptr_array_add (self->warnings, g_object_ref (problem));

  if (is_full (self))
    {
      self->n_dropped++;
      g_object_unref (problem);
      return;
    }
  g_ptr_array_add (self->problems, problem);
}

/**
 * unknot_problem_collector_add:
 * @line: from 1, or 0 when the problem has no place (an empty file)
 * @column: from 1, or 0 when only the line is known
 */
void
unknot_problem_collector_add (UnknotProblemCollector *self,
                              guint                   line,
                              guint                   column,
                              UnknotSeverity          severity,
                              UnknotRoutineError      code,
                              const char             *message)
{
  g_return_if_fail (UNKNOT_IS_PROBLEM_COLLECTOR (self));
  g_return_if_fail (message != NULL);

  take_problem (self, unknot_problem_new (self->filename, line, column, severity, code, message));
}

/**
 * unknot_problem_collector_report:
 * @node: (nullable): the element or text the problem is about; %NULL for the file
 * @attribute: (nullable): the attribute of @node to point at, such as "duration"
 *
 * Adds a problem with a message made from @format, at the place an author looks for.
 */
void
unknot_problem_collector_report (UnknotProblemCollector *self,
                                 xmlNode                *node,
                                 const char             *attribute,
                                 UnknotSeverity          severity,
                                 UnknotRoutineError      code,
                                 const char             *format,
                                 ...)
{
  g_autofree char *message = NULL;
  guint line = 0, column = 0;
  va_list args;

  g_return_if_fail (UNKNOT_IS_PROBLEM_COLLECTOR (self));

  /* An error past the cap is only counted: it would be dropped anyway, and finding
   * where it is costs a scan of its line, which for 100,000 of them on one line adds up
   * to minutes. (Warnings are kept with the routine, so they are always made.) */
  if (severity == UNKNOT_SEVERITY_ERROR && is_full (self))
    {
      self->n_errors++;
      self->n_dropped++;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (node != NULL)
    unknot_problem_collector_locate (self, node, attribute, &line, &column);
  unknot_problem_collector_add (self, line, column, severity, code, message);
}

/* An error whose code and message come from a GError of UNKNOT_ROUTINE_ERROR. */
void
unknot_problem_collector_report_gerror (UnknotProblemCollector *self,
                                        xmlNode                *node,
                                        const char             *attribute,
                                        const GError           *error)
{
  g_return_if_fail (error != NULL);
  unknot_problem_collector_error (self, node, attribute, error->code, "%s", error->message);
}

/**
 * unknot_problem_collector_locate:
 * @attribute: (nullable): an attribute of @node to point at instead
 * @line: (out): from 1, or 0 if not known
 * @column: (out): from 1, or 0 if not known
 *
 * Where @node is written, as problems give it.
 */
void
unknot_problem_collector_locate (UnknotProblemCollector *self,
                                 xmlNode                *node,
                                 const char             *attribute,
                                 guint                  *line,
                                 guint                  *column)
{
  g_return_if_fail (UNKNOT_IS_PROBLEM_COLLECTOR (self));

  *line = *column = 0;
  if (self->document != NULL)
    unknot_xml_document_locate (self->document, node, attribute, line, column);
}

/* The line of the element's "<", as messages give it. */
guint
unknot_problem_collector_get_line (UnknotProblemCollector *self,
                                   xmlNode                *node)
{
  guint line, column;

  unknot_problem_collector_locate (self, node, NULL, &line, &column);
  return line;
}

/* Errors so far, those past the cap included: a stage compares the count before and
 * after it to learn whether it found any. */
guint
unknot_problem_collector_get_n_errors (UnknotProblemCollector *self)
{
  g_return_val_if_fail (UNKNOT_IS_PROBLEM_COLLECTOR (self), 0);
  return self->n_errors;
}

/* Returns: (transfer none) (element-type UnknotProblem): every warning, none dropped. */
GPtrArray *
unknot_problem_collector_get_warnings (UnknotProblemCollector *self)
{
  g_return_val_if_fail (UNKNOT_IS_PROBLEM_COLLECTOR (self), NULL);
  return self->warnings;
}

/**
 * unknot_problem_collector_finish:
 * @error: set to the first error, in the FILE:LINE:COL form, if there is one
 *
 * Ends the list with a note of how many problems were left out, if any.
 *
 * Returns: (transfer full) (element-type UnknotProblem): the problems in file order
 */
GPtrArray *
unknot_problem_collector_finish (UnknotProblemCollector  *self,
                                 GError                 **error)
{
  g_return_val_if_fail (UNKNOT_IS_PROBLEM_COLLECTOR (self), NULL);

  if (self->n_dropped > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: %u counts the problems of a routine file
                                       * beyond the twenty listed */
                                      "%u more problem not shown; fix the ones above first",
                                      "%u more problems not shown; fix the ones above first",
                                      self->n_dropped), self->n_dropped);
      g_ptr_array_add (self->problems,
                       unknot_problem_new (self->filename, 0, 0, UNKNOT_SEVERITY_ERROR,
                                           UNKNOT_ROUTINE_ERROR_SCHEMA, message));
      self->n_dropped = 0;
    }

  for (guint i = 0; i < self->problems->len; i++)
    {
      UnknotProblem *problem = g_ptr_array_index (self->problems, i);

      if (unknot_problem_get_severity (problem) == UNKNOT_SEVERITY_ERROR)
        {
          g_propagate_error (error, unknot_problem_to_error (problem));
          break;
        }
    }

  return g_ptr_array_ref (self->problems);
}
