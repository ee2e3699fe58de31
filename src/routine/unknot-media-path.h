/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  unknot_media_path_validate (const char  *src,
                                      GError     **error);
GFile    *unknot_media_path_resolve  (GFile       *folder,
                                      const char  *src,
                                      GError     **error);
gboolean  unknot_media_path_check    (GFile       *folder,
                                      GFile       *media,
                                      GError     **error);

G_END_DECLS
