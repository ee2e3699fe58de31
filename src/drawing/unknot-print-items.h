/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "unknot-page-flow.h"
#include "unknot-picture.h"

G_BEGIN_DECLS

/* The pieces a handout is made of, each added to a page flow at @x (on the page) and @y
 * (in its group); each returns its height. */

PangoContext *unknot_print_items_new_context (void);
double        unknot_print_add_text          (UnknotPageFlow *flow,
                                              PangoContext   *context,
                                              double          x,
                                              double          y,
                                              double          width,
                                              const char     *font,
                                              const char     *markup);
double        unknot_print_add_facts         (UnknotPageFlow *flow,
                                              PangoContext   *context,
                                              double          x,
                                              double          y,
                                              double          width,
                                              GPtrArray      *labels_and_values);
double        unknot_print_add_note          (UnknotPageFlow *flow,
                                              PangoContext   *context,
                                              double          x,
                                              double          y,
                                              double          width,
                                              const char     *markup);
void          unknot_print_add_rule          (UnknotPageFlow *flow,
                                              double          x,
                                              double          y,
                                              double          width);
double        unknot_print_add_figure        (UnknotPageFlow *flow,
                                              double          x,
                                              double          y,
                                              double          width,
                                              guint32         regions);
double        unknot_print_add_picture       (UnknotPageFlow *flow,
                                              double          x,
                                              double          y,
                                              double          width,
                                              double          max_height,
                                              UnknotPicture  *picture);

G_END_DECLS
