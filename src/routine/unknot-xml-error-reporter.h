/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "unknot-problem-collector.h"
#include "unknot-source-text.h"
#include "unknot-xml-error.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_XML_ERROR_REPORTER (unknot_xml_error_reporter_get_type ())
G_DECLARE_FINAL_TYPE (UnknotXmlErrorReporter, unknot_xml_error_reporter,
                      UNKNOT, XML_ERROR_REPORTER, GObject)

UnknotXmlErrorReporter *unknot_xml_error_reporter_new    (UnknotProblemCollector *problems,
                                                          UnknotSourceText       *source);
void      unknot_xml_error_reporter_report       (UnknotXmlErrorReporter *self,
                                                  UnknotXmlError         *error,
                                                  gssize                  offset,
                                                  xmlNode                *open_element);
void      unknot_xml_error_reporter_refuse       (UnknotXmlErrorReporter *self,
                                                  gssize                  offset,
                                                  guint                   line,
                                                  guint                   column,
                                                  const char             *markup,
                                                  UnknotRoutineError      code,
                                                  const char             *message);
gboolean  unknot_xml_error_reporter_has_reported (UnknotXmlErrorReporter *self);

G_END_DECLS
