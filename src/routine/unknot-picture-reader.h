/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "unknot-element-reader.h"
#include "unknot-media-reader.h"
#include "unknot-picture-sequence.h"

G_BEGIN_DECLS

/* The <image>s of one step, read into a picture sequence for each side. */
typedef struct _UnknotPictureReader UnknotPictureReader;

UnknotPictureReader *unknot_picture_reader_new    (UnknotElementReader    *elements,
                                                   UnknotMediaReader      *media);
void                 unknot_picture_reader_free   (UnknotPictureReader    *self);
void                 unknot_picture_reader_read   (UnknotPictureReader    *self,
                                                   xmlNode                *node);
void                 unknot_picture_reader_finish (UnknotPictureReader    *self,
                                                   UnknotPictureSequence **left,
                                                   UnknotPictureSequence **right);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotPictureReader, unknot_picture_reader_free)

G_END_DECLS
