/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-run.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SUMMARY_PAGE (unknot_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSummaryPage, unknot_summary_page, UNKNOT, SUMMARY_PAGE, AdwBin)

UnknotRun *unknot_summary_page_get_run (UnknotSummaryPage *self);
void       unknot_summary_page_set_run (UnknotSummaryPage *self,
                                        UnknotRun         *run);

G_END_DECLS
