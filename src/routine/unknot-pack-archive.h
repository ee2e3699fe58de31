/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What unknot_pack_archive_walk() hands each entry to. Each callback may refuse with
 * @error, which stops the walk. */
typedef struct
{
  /* A folder or a file, by its checked name; a file's content follows. */
  gboolean (*begin)    (gpointer      data,
                        const char   *path,
                        gboolean      is_folder,
                        GError      **error);
  gboolean (*content)  (gpointer      data,
                        const guint8 *chunk,
                        gsize         size,
                        GError      **error);
  /* The file's content is complete; not called for folders. */
  gboolean (*end)      (gpointer      data,
                        GError      **error);
} UnknotPackSink;

gboolean  unknot_pack_archive_walk  (GBytes               *archive,
                                     const UnknotPackSink *sink,
                                     gpointer              data,
                                     GError              **error);

G_END_DECLS
