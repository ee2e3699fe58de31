/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-library.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_LIBRARY_PAGE (unknot_library_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotLibraryPage, unknot_library_page, UNKNOT, LIBRARY_PAGE, GtkWidget)

void      unknot_library_page_set_library     (UnknotLibraryPage *self,
                                               UnknotLibrary     *library);
void      unknot_library_page_start_search    (UnknotLibraryPage *self);
void      unknot_library_page_set_search      (UnknotLibraryPage *self,
                                               const char        *text);
void      unknot_library_page_set_regions     (UnknotLibraryPage *self,
                                               guint32            regions);
guint     unknot_library_page_get_n_shown     (UnknotLibraryPage *self);

G_END_DECLS
