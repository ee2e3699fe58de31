/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "unknot-problem-collector.h"

G_BEGIN_DECLS

gboolean unknot_safety_check_needs_calf_block  (GPtrArray              *items);
gboolean unknot_safety_check_has_calf_block    (const char             *safety);
void     unknot_safety_check_routine           (UnknotProblemCollector *problems,
                                                xmlNode                *root,
                                                GPtrArray              *items);

G_END_DECLS
