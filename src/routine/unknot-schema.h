/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-problem-collector.h"
#include "unknot-xml-document.h"

G_BEGIN_DECLS

gboolean unknot_schema_validate  (UnknotXmlDocument      *document,
                                  UnknotProblemCollector *problems);

G_END_DECLS
