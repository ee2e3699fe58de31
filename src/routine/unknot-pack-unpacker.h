/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Internal to src/routine/: UnknotPackReader unpacks through it. */
gboolean unknot_pack_unpacker_unpack (GBytes  *archive,
                                      GFile   *destination,
                                      GError **error);

G_END_DECLS
