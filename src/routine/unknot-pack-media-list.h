/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The pictures and audio a pack's routine file names, each with where it is named.
 * Internal to src/routine/. */
typedef struct _UnknotPackMediaList UnknotPackMediaList;

UnknotPackMediaList *unknot_pack_media_list_find     (GBytes              *routine,
                                                      const char          *routine_name);
void                 unknot_pack_media_list_free     (UnknotPackMediaList *self);
guint                unknot_pack_media_list_get_size (UnknotPackMediaList *self);
const char          *unknot_pack_media_list_get      (UnknotPackMediaList *self,
                                                      guint                index,
                                                      guint               *line,
                                                      guint               *column);
gboolean             unknot_pack_media_list_names    (UnknotPackMediaList *self,
                                                      const char          *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotPackMediaList, unknot_pack_media_list_free)

G_END_DECLS
