/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "unknot-problem-collector.h"
#include "unknot-vocabulary.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ELEMENT_READER (unknot_element_reader_get_type ())
G_DECLARE_FINAL_TYPE (UnknotElementReader, unknot_element_reader,
                      UNKNOT, ELEMENT_READER, GObject)

UnknotElementReader    *unknot_element_reader_new            (UnknotProblemCollector *problems);
UnknotProblemCollector *unknot_element_reader_get_problems   (UnknotElementReader *self);

/* What a node holds, read as the format reads it. */
const char *unknot_element_reader_name_of          (xmlNode             *node);
gboolean    unknot_element_reader_is_text          (xmlNode             *node);
char       *unknot_element_reader_get_attribute    (xmlNode             *node,
                                                    const char          *name);
char       *unknot_element_reader_get_language     (xmlNode             *node);
char       *unknot_element_reader_get_text         (xmlNode             *node);

/* The shape of an element: each reports what is wrong and returns whether it was fine. */
gboolean    unknot_element_reader_check_namespace  (UnknotElementReader *self,
                                                    xmlNode             *node);
void        unknot_element_reader_check_attributes (UnknotElementReader *self,
                                                    xmlNode             *node,
                                                    const char *const   *allowed);
void        unknot_element_reader_check_text_only  (UnknotElementReader *self,
                                                    xmlNode             *node);
void        unknot_element_reader_check_empty      (UnknotElementReader *self,
                                                    xmlNode             *node);
void        unknot_element_reader_check_stray_text (UnknotElementReader *self,
                                                    xmlNode             *parent,
                                                    xmlNode             *text,
                                                    const char          *home);
void        unknot_element_reader_report_unknown_element (UnknotElementReader *self,
                                                          xmlNode             *node,
                                                          const char *const   *allowed);

/* Values of attributes. */
gboolean    unknot_element_reader_read_duration    (UnknotElementReader *self,
                                                    xmlNode             *node,
                                                    const char          *attribute,
                                                    gboolean             required,
                                                    gint64               minimum,
                                                    gint64               maximum,
                                                    gint64              *out);
gboolean    unknot_element_reader_read_term        (UnknotElementReader *self,
                                                    xmlNode             *node,
                                                    UnknotVocabulary     vocabulary,
                                                    gboolean             required,
                                                    guint                default_term,
                                                    guint               *out);
void        unknot_element_reader_report_unknown_term (UnknotElementReader *self,
                                                       xmlNode             *node,
                                                       UnknotVocabulary     vocabulary,
                                                       const char          *value);

G_END_DECLS
