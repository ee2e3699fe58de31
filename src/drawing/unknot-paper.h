/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Paper sizes in points (1/72 inch), the unit of cairo's PDF surface. */
#define UNKNOT_PAPER_A4_WIDTH      595.276
#define UNKNOT_PAPER_A4_HEIGHT     841.890
#define UNKNOT_PAPER_LETTER_WIDTH  612.0
#define UNKNOT_PAPER_LETTER_HEIGHT 792.0

gboolean unknot_paper_country_uses_letter (const char *locale_name);
void     unknot_paper_get_default_size    (double     *width,
                                           double     *height);

G_END_DECLS
