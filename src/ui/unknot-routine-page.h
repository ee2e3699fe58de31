/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-library.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_PAGE (unknot_routine_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRoutinePage, unknot_routine_page, UNKNOT, ROUTINE_PAGE, AdwBin)

void           unknot_routine_page_show_routine  (UnknotRoutinePage *self,
                                                  UnknotRoutine     *routine);
void           unknot_routine_page_preview_file  (UnknotRoutinePage *self,
                                                  UnknotLibrary     *library,
                                                  GFile             *file);
UnknotRoutine *unknot_routine_page_get_routine   (UnknotRoutinePage *self);

G_END_DECLS
