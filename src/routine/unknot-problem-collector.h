/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "unknot-problem.h"

G_BEGIN_DECLS

/* At most this many problems are listed per file; a last note counts the rest. */
#define UNKNOT_PROBLEMS_MAX 20

/* Declared again in unknot-xml-document.h, which needs the collector in turn. */
typedef struct _UnknotXmlDocument UnknotXmlDocument;

#define UNKNOT_TYPE_PROBLEM_COLLECTOR (unknot_problem_collector_get_type ())
G_DECLARE_FINAL_TYPE (UnknotProblemCollector, unknot_problem_collector,
                      UNKNOT, PROBLEM_COLLECTOR, GObject)

UnknotProblemCollector *unknot_problem_collector_new          (const char             *filename);
const char   *unknot_problem_collector_get_filename  (UnknotProblemCollector *self);
void          unknot_problem_collector_set_document  (UnknotProblemCollector *self,
                                                      UnknotXmlDocument      *document);
void          unknot_problem_collector_add           (UnknotProblemCollector *self,
                                                      guint                   line,
                                                      guint                   column,
                                                      UnknotSeverity          severity,
                                                      UnknotRoutineError      code,
                                                      const char             *message);
void          unknot_problem_collector_report        (UnknotProblemCollector *self,
                                                      xmlNode                *node,
                                                      const char             *attribute,
                                                      UnknotSeverity          severity,
                                                      UnknotRoutineError      code,
                                                      const char             *format,
                                                      ...) G_GNUC_PRINTF (6, 7);
void          unknot_problem_collector_report_gerror (UnknotProblemCollector *self,
                                                      xmlNode                *node,
                                                      const char             *attribute,
                                                      const GError           *error);
void          unknot_problem_collector_locate        (UnknotProblemCollector *self,
                                                      xmlNode                *node,
                                                      const char             *attribute,
                                                      guint                  *line,
                                                      guint                  *column);
guint         unknot_problem_collector_get_line      (UnknotProblemCollector *self,
                                                      xmlNode                *node);
guint         unknot_problem_collector_get_n_errors  (UnknotProblemCollector *self);
GPtrArray    *unknot_problem_collector_get_warnings  (UnknotProblemCollector *self);
GPtrArray    *unknot_problem_collector_finish        (UnknotProblemCollector *self,
                                                      GError                **error);

/* The usual case: an error at an element, or at one of its attributes. */
#define unknot_problem_collector_error(self, node, attribute, code, ...) \
  unknot_problem_collector_report ((self), (node), (attribute), UNKNOT_SEVERITY_ERROR, (code), \
                                   __VA_ARGS__)
#define unknot_problem_collector_warning(self, node, attribute, code, ...) \
  unknot_problem_collector_report ((self), (node), (attribute), UNKNOT_SEVERITY_WARNING, (code), \
                                   __VA_ARGS__)

G_END_DECLS
