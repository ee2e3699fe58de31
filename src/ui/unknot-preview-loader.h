/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-library.h"
#include "unknot-pack-reader.h"

G_BEGIN_DECLS

UnknotRoutine *unknot_preview_loader_load (GFile             *file,
                                           UnknotPackReader **pack,
                                           GPtrArray        **problems);
GFile         *unknot_preview_loader_add  (UnknotLibrary     *library,
                                           UnknotRoutine     *routine,
                                           UnknotPackReader  *pack,
                                           GError           **error);

G_END_DECLS
