/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *unknot_pack_path_check        (const char  *name,
                                         gboolean     is_folder,
                                         GError     **error);
gboolean  unknot_pack_path_is_at_top    (const char  *path);
char     *unknot_pack_path_from_src     (const char  *src);

G_END_DECLS
