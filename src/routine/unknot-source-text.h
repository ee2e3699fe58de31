/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file's bytes, and where in them an editor shows each place. */
typedef struct _UnknotSourceText UnknotSourceText;

UnknotSourceText *unknot_source_text_new                   (const char       *text,
                                                            gsize             length);
void              unknot_source_text_free                  (UnknotSourceText *self);
const char       *unknot_source_text_get_text              (UnknotSourceText *self,
                                                            gsize            *length);
gboolean          unknot_source_text_is_read_as_is         (UnknotSourceText *self);
guint             unknot_source_text_count_newlines        (UnknotSourceText *self,
                                                            gsize             from,
                                                            gsize             to);
guint             unknot_source_text_get_column            (UnknotSourceText *self,
                                                            gsize             offset);
void              unknot_source_text_get_position          (UnknotSourceText *self,
                                                            gsize             offset,
                                                            guint            *line,
                                                            guint            *column);
gssize            unknot_source_text_find_attribute        (UnknotSourceText *self,
                                                            gsize             tag_start,
                                                            const char       *name);
gssize            unknot_source_text_find_back             (UnknotSourceText *self,
                                                            gsize             offset,
                                                            const char       *token,
                                                            gsize             limit);
gssize            unknot_source_text_find_invalid_utf8     (UnknotSourceText *self);
char             *unknot_source_text_get_declared_encoding (UnknotSourceText *self,
                                                            gsize            *offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotSourceText, unknot_source_text_free)

G_END_DECLS
