/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "unknot-element-reader.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_MEDIA_READER (unknot_media_reader_get_type ())
G_DECLARE_FINAL_TYPE (UnknotMediaReader, unknot_media_reader, UNKNOT, MEDIA_READER, GObject)

UnknotMediaReader *unknot_media_reader_new  (UnknotElementReader *elements,
                                             GFile               *folder,
                                             gboolean             missing_is_error);
GFile             *unknot_media_reader_read (UnknotMediaReader   *self,
                                             xmlNode             *node);

G_END_DECLS
