/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SUMMARY_PAGE (unknot_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSummaryPage, unknot_summary_page, UNKNOT, SUMMARY_PAGE, GtkWidget)

void  unknot_summary_page_show        (UnknotSummaryPage *self,
                                       UnknotRoutine     *routine,
                                       gboolean           completed,
                                       gint64             active_ms,
                                       guint              n_steps,
                                       guint32            regions,
                                       gboolean           recorded);
guint unknot_summary_page_get_rating  (UnknotSummaryPage *self);
void  unknot_summary_page_set_rating  (UnknotSummaryPage *self,
                                       guint              rating);
void  unknot_summary_page_choose_rating (UnknotSummaryPage *self,
                                         guint              rating);

G_END_DECLS
