/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-xml-document.h"

G_BEGIN_DECLS

gboolean unknot_schema_validate  (UnknotXmlDocument *document,
                                  const char        *filename,
                                  GPtrArray         *problems);

G_END_DECLS
