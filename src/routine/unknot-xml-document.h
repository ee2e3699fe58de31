/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "unknot-problem-collector.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_XML_DOCUMENT (unknot_xml_document_get_type ())
G_DECLARE_FINAL_TYPE (UnknotXmlDocument, unknot_xml_document, UNKNOT, XML_DOCUMENT, GObject)

UnknotXmlDocument *unknot_xml_document_parse    (GBytes                 *bytes,
                                                 UnknotProblemCollector *problems);
xmlNode           *unknot_xml_document_get_root (UnknotXmlDocument      *self);
xmlDoc            *unknot_xml_document_get_doc  (UnknotXmlDocument      *self);
void               unknot_xml_document_locate   (UnknotXmlDocument      *self,
                                                 xmlNode                *node,
                                                 const char             *attribute,
                                                 guint                  *line,
                                                 guint                  *column);

G_END_DECLS
