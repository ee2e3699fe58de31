/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "unknot-element-reader.h"

G_BEGIN_DECLS

gboolean unknot_suits_reader_read (UnknotElementReader *elements,
                                   xmlNode             *node,
                                   guint32             *runs);

G_END_DECLS
