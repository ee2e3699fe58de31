/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-history.h"
#include "unknot-library.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_LIBRARY_PAGE (unknot_library_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotLibraryPage, unknot_library_page, UNKNOT, LIBRARY_PAGE, AdwBin)

void unknot_library_page_set_library  (UnknotLibraryPage *self,
                                       UnknotLibrary     *library);
void unknot_library_page_set_history  (UnknotLibraryPage *self,
                                       UnknotHistory     *history);
void unknot_library_page_start_search (UnknotLibraryPage *self);

G_END_DECLS
