/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-application.h"
#include "unknot-history-exporter.h"
#include "unknot-history-page.h"
#include "unknot-library-page.h"
#include "unknot-player-page.h"
#include "unknot-routine-page.h"
#include "unknot-run-notifier.h"
#include "unknot-summary-page.h"
#include "unknot-window.h"

G_BEGIN_DECLS

/* What unknot-window.c and unknot-window-actions.c, the two halves of UnknotWindow,
 * share; nothing else includes it. */
struct _UnknotWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *pages;
  UnknotLibraryPage *library_page;
  UnknotRoutinePage *routine_page;
  UnknotPlayerPage *player_page;
  UnknotSummaryPage *summary_page;
  UnknotHistoryPage *history_page;
  GtkWindow *techniques;        /* the glossary, while it is open */

  UnknotRun *run;            /* the routine running or last run, or NULL */
  char *after_run_routine;   /* the routine "Just ran?" opened, whose next start follows */
  UnknotRunKind after_run;   /* that kind of run */
  GSignalGroup *run_signals;
  GSignalGroup *session_signals;  /* the run's session: where +15 s applies */
  gboolean full_screen;           /* as F11 last asked, or as the window last became */
  UnknotRunNotifier *notifier;
  UnknotHistoryExporter *exporter;
};

static inline UnknotApplication *
unknot_window_get_app (UnknotWindow *self)
{
  return UNKNOT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static inline gboolean
unknot_window_is_running (UnknotWindow *self)
{
  return self->run != NULL && unknot_run_get_active (self->run);
}

static inline UnknotRoutine *
unknot_window_get_shown_routine (UnknotWindow *self)
{
  return self->routine_page ? unknot_routine_page_get_routine (self->routine_page) : NULL;
}

/* unknot-window.c */
void               unknot_window_show_page          (UnknotWindow  *self,
                                                     const char    *name);
void               unknot_window_show_routine       (UnknotWindow  *self,
                                                     UnknotRoutine *routine);
void               unknot_window_start_routine      (UnknotWindow  *self,
                                                     UnknotRoutine *routine);
void               unknot_window_start_routine_at   (UnknotWindow  *self,
                                                     UnknotRoutine *routine,
                                                     guint          item);
UnknotPlayerPage  *unknot_window_get_player_page    (UnknotWindow  *self);
UnknotHistoryPage *unknot_window_get_history_page   (UnknotWindow  *self);

/* unknot-window-actions.c */
void               unknot_window_install_actions    (GtkWidgetClass *widget_class);
void               unknot_window_update_actions     (UnknotWindow   *self);
void               unknot_window_on_fullscreened    (UnknotWindow   *self);

G_END_DECLS
