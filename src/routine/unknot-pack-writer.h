/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-routine.h"

G_BEGIN_DECLS

gboolean  unknot_pack_writer_write  (UnknotRoutine  *routine,
                                     GFile          *pack,
                                     GError        **error);

G_END_DECLS
