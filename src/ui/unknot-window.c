/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-accessible-names.h"
#include "unknot-compat.h"
#include "unknot-history-exporter.h"
#include "unknot-history-page.h"
#include "unknot-library-page.h"
#include "unknot-open-dialog.h"
#include "unknot-player-page.h"
#include "unknot-routine-page.h"
#include "unknot-run-notifier.h"
#include "unknot-startup-probe.h"
#include "unknot-stop-question.h"
#include "unknot-summary-page.h"
#include "unknot-techniques-window.h"
#include "unknot-toasts.h"
#include "unknot-window-state.h"
#include "unknot-window.h"

/* The main window: a stack of pages (library → routine → player → summary, and the
 * history) and the actions that move between them and command the run on show. The
 * pages' buttons name these actions in their templates; the window shows one run at a
 * time, which the player and summary pages follow through their "run" property.
 *
 * Only the library is built with the window; the other pages are built the first time
 * they are needed, which keeps them out of the first frame the user waits for. */
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

enum
{
  PROP_0,
  PROP_RUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotWindow, unknot_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *const player_actions[] = {
  "player.toggle", "player.previous", "player.next", "player.stop", "player.add-time",
  "player.replay-demonstration",
};

/* Actions that show another page. While a routine runs they are off: leaving the
 * player would hide the routine, still running, with no way back to it. */
static const char *const leaving_actions[] = {
  "win.show-library", "win.show-routine", "win.show-history", "win.open", "win.search",
  "win.show-routine-after-run",
};

static UnknotApplication *
get_application (UnknotWindow *self)
{
  return UNKNOT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static gboolean
is_running (UnknotWindow *self)
{
  return self->run != NULL && unknot_run_get_active (self->run);
}

static UnknotRoutine *
get_shown_routine (UnknotWindow *self)
{
  return self->routine_page ? unknot_routine_page_get_routine (self->routine_page) : NULL;
}

/* The player's keys work only while a routine runs on screen; elsewhere Space and the
 * arrows keep their usual meaning. */
static void
update_actions (UnknotWindow *self)
{
  gboolean running = is_running (self);
  gboolean on_player = g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "player") == 0;

  for (guint i = 0; i < G_N_ELEMENTS (player_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), player_actions[i], running && on_player);
  /* +15 s lengthens only a step, not the prepare, a switch gap or a rest. */
  if (running && on_player)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.add-time",
                                   unknot_session_can_add_time (unknot_run_get_session (self->run)));
  for (guint i = 0; i < G_N_ELEMENTS (leaving_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), leaving_actions[i], !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start",
                                 !running && get_shown_routine (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-from",
                                 !running && get_shown_routine (self) != NULL);
}

static void
show_page (UnknotWindow *self,
           const char   *name)
{
  gtk_stack_set_visible_child_name (self->pages, name);
  update_actions (self);
}

/* The window's title names the page, for the window list and for screen readers, which
 * read it as the window's name when the page changes. */
static char *
page_title (UnknotWindow *self,
            const char   *page)
{
  UnknotRoutine *routine = get_shown_routine (self);
  const char *name;

  if (g_strcmp0 (page, "player") == 0 || g_strcmp0 (page, "summary") == 0)
    routine = self->run ? unknot_run_get_routine (self->run) : NULL;
  name = routine ? unknot_routine_get_name (routine) : NULL;

  if (g_strcmp0 (page, "library") == 0)
    return g_strdup (_("Library — Unknot"));
  if (g_strcmp0 (page, "history") == 0)
    return g_strdup (_("History — Unknot"));
  if (name == NULL)
    return g_strdup (_("Unknot"));
  if (g_strcmp0 (page, "player") == 0)
    /* Translators: the window's title while a routine runs; %s is the routine's name */
    return g_strdup_printf (_("%s, running — Unknot"), name);
  if (g_strcmp0 (page, "summary") == 0)
    /* Translators: the window's title on the summary after a run, completed or
     * stopped; %s is the routine's name */
    return g_strdup_printf (_("Summary of %s — Unknot"), name);
  /* Translators: the window's title on a routine's page; %s is the routine's name */
  return g_strdup_printf (_("%s — Unknot"), name);
}

static void
update_title (UnknotWindow *self)
{
  g_autofree char *title = page_title (self, gtk_stack_get_visible_child_name (self->pages));

  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Said in the debug messages, where a test of the program as a whole can follow it. */
static void
on_page_shown (UnknotWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);

  if (page != NULL)
    unknot_accessible_names_fix (page);
  update_title (self);
  g_debug ("Showing the %s page", gtk_stack_get_visible_child_name (self->pages));
}

static GtkWidget *
add_page (UnknotWindow *self,
          GType         type,
          const char   *name)
{
  GtkWidget *page = g_object_new (type, NULL);

  gtk_stack_add_named (self->pages, page, name);
  return page;
}

static UnknotRoutinePage *
get_routine_page (UnknotWindow *self)
{
  if (self->routine_page == NULL)
    {
      self->routine_page =
        UNKNOT_ROUTINE_PAGE (add_page (self, UNKNOT_TYPE_ROUTINE_PAGE, "routine"));
      g_signal_connect_object (self->routine_page, "notify::routine",
                               G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->routine_page, "notify::routine",
                               G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
    }
  return self->routine_page;
}

static UnknotPlayerPage *
get_player_page (UnknotWindow *self)
{
  if (self->player_page == NULL)
    {
      self->player_page = UNKNOT_PLAYER_PAGE (add_page (self, UNKNOT_TYPE_PLAYER_PAGE, "player"));
      g_object_bind_property (self, "run", self->player_page, "run", G_BINDING_SYNC_CREATE);
    }
  return self->player_page;
}

static UnknotSummaryPage *
get_summary_page (UnknotWindow *self)
{
  if (self->summary_page == NULL)
    {
      self->summary_page =
        UNKNOT_SUMMARY_PAGE (add_page (self, UNKNOT_TYPE_SUMMARY_PAGE, "summary"));
      g_object_bind_property (self, "run", self->summary_page, "run", G_BINDING_SYNC_CREATE);
    }
  return self->summary_page;
}

static UnknotHistoryPage *
get_history_page (UnknotWindow *self)
{
  UnknotApplication *application;

  if (self->history_page != NULL)
    return self->history_page;

  application = get_application (self);
  self->history_page = UNKNOT_HISTORY_PAGE (add_page (self, UNKNOT_TYPE_HISTORY_PAGE, "history"));
  unknot_history_page_set_settings (self->history_page,
                                    unknot_application_get_settings (application));
  unknot_history_page_set_history (self->history_page,
                                   unknot_application_get_history (application));
  return self->history_page;
}

static void
on_run_ended (UnknotWindow *self)
{
  if (self->run == NULL || !unknot_run_get_ended (self->run))
    return;
  get_summary_page (self);
  show_page (self, "summary");
  /* The week's goal may be met now. */
  unknot_application_update_reminders (get_application (self));
}

/* The window holds one run at a time: the one it shows. The last one is dropped, which
 * stops it if it still runs and lets go of all it held. */
static void
set_run (UnknotWindow *self,
         UnknotRun    *run)
{
  g_autoptr (UnknotRun) last = g_steal_pointer (&self->run);

  self->run = run ? g_object_ref (run) : NULL;
  g_signal_group_set_target (self->run_signals, run);
  g_signal_group_set_target (self->session_signals, run ? unknot_run_get_session (run) : NULL);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN]);
}

static void
start_routine_at (UnknotWindow  *self,
                  UnknotRoutine *routine,
                  guint          item)
{
  UnknotApplication *application = get_application (self);
  g_autoptr (UnknotRun) run = NULL;

  run = unknot_run_new (routine, unknot_application_get_history (application),
                        unknot_application_get_cue_player (application),
                        unknot_application_get_settings (application),
                        unknot_application_get_speed (application));
  /* Only the first start after "Just ran?" follows that run; a repeat does not. */
  if (g_strcmp0 (self->after_run_routine, unknot_routine_get_id (routine)) == 0)
    unknot_run_set_after_run (run, self->after_run);
  g_clear_pointer (&self->after_run_routine, g_free);
  set_run (self, run);
  get_player_page (self);
  show_page (self, "player");
  unknot_run_start_at (run, item);
  /* Its session is in the history now: a reminder on screen is stale. */
  unknot_application_update_reminders (application);
}

static void
start_routine (UnknotWindow  *self,
               UnknotRoutine *routine)
{
  start_routine_at (self, routine, 0);
}

static void
show_routine (UnknotWindow  *self,
              UnknotRoutine *routine)
{
  unknot_routine_page_show_routine (get_routine_page (self), routine);
  show_page (self, "routine");
  /* While the page is read, so that "Get ready" is heard right at the start. */
  unknot_cue_player_prepare_routine (unknot_application_get_cue_player (get_application (self)),
                                     routine);
}

static void
preview_file (UnknotWindow *self,
              GFile        *file)
{
  unknot_routine_page_preview_file (get_routine_page (self),
                                    unknot_application_get_library (get_application (self)),
                                    file);
  show_page (self, "routine");
}

/* ---- actions ------------------------------------------------------------------------- */

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_page (UNKNOT_WINDOW (widget), "library");
}

static void
show_routine_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotLibrary *library = unknot_application_get_library (get_application (self));
  UnknotRoutine *routine = unknot_library_lookup (library, g_variant_get_string (parameter, NULL));

  g_clear_pointer (&self->after_run_routine, g_free);
  if (routine != NULL)
    show_routine (self, routine);
}

/* ("routine-id", "run-kind-id"): a routine "Just ran?" suggested after that kind of run. */
static void
show_routine_after_run_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotLibrary *library = unknot_application_get_library (get_application (self));
  const char *id, *kind_id;
  UnknotRoutine *routine;
  guint kind;

  g_variant_get (parameter, "(&s&s)", &id, &kind_id);
  routine = unknot_library_lookup (library, id);
  if (routine == NULL || !unknot_vocabulary_lookup (UNKNOT_VOCABULARY_RUN_KIND, kind_id, &kind))
    return;
  show_routine (self, routine);
  g_free (self->after_run_routine);
  self->after_run_routine = g_strdup (id);
  self->after_run = kind;
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  get_history_page (self);
  show_page (self, "history");
}

/* The glossary of techniques, in a window of its own so that it opens from a running
 * routine too; at the technique the parameter names, if it names one. */
static void
show_techniques_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  guint technique;

  if (self->techniques == NULL)
    {
      self->techniques = GTK_WINDOW (unknot_techniques_window_new (
        unknot_application_get_library (get_application (self))));
      gtk_window_set_transient_for (self->techniques, GTK_WINDOW (self));
      g_object_add_weak_pointer (G_OBJECT (self->techniques), (gpointer *) &self->techniques);
    }
  if (unknot_vocabulary_lookup (UNKNOT_VOCABULARY_TECHNIQUE, g_variant_get_string (parameter,
                                                                                  NULL),
                                &technique))
    unknot_techniques_window_show_technique (UNKNOT_TECHNIQUES_WINDOW (self->techniques),
                                             technique);
  gtk_window_present (self->techniques);
}

/* Starts the routine the routine page shows at one of its items: "Start from this
 * step". */
static void
start_from_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotRoutine *routine = get_shown_routine (self);
  guint item = g_variant_get_uint32 (parameter);

  if (routine != NULL && !is_running (self) && item < unknot_routine_get_n_items (routine))
    start_routine_at (self, routine, item);
}

/* Starts the routine the routine page shows, which is also the one just run when the
 * summary's Repeat asks. */
static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotRoutine *routine = get_shown_routine (self);

  if (routine != NULL && !is_running (self))
    start_routine (self, routine);
}

static void
player_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotSession *session;

  if (!is_running (self))
    return;
  session = unknot_run_get_session (self->run);
  if (g_str_equal (action_name, "player.toggle"))
    unknot_session_toggle (session);
  else if (g_str_equal (action_name, "player.previous"))
    unknot_session_previous (session);
  else if (g_str_equal (action_name, "player.next"))
    unknot_session_next (session);
  else if (g_str_equal (action_name, "player.add-time"))
    unknot_session_add_time (session);
  else if (g_str_equal (action_name, "player.replay-demonstration"))
    unknot_player_page_replay_demonstration (get_player_page (self));
}

/* The question holds the run it asks about, so an answer stops no other. */
static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  if (is_running (self))
    unknot_stop_question_ask (GTK_WINDOW (self), self->run);
}

/* Full screen, and the player in its floor mode, together; see set_full_screen(). */
static void
set_full_screen (UnknotWindow *self,
                 gboolean      full_screen)
{
  self->full_screen = full_screen;
  unknot_player_page_set_floor_mode (get_player_page (self), full_screen);
}

/* F11 and the player's button. The floor mode follows what was asked at once, since a
 * window manager may take its time, or there may be none (a private X server). */
static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  set_full_screen (self, !self->full_screen);
  if (self->full_screen)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

/* The window manager's word is the last: leaving full screen its own way (or entering
 * it) ends (or starts) the floor mode too. */
static void
on_fullscreened (UnknotWindow *self)
{
  gboolean full_screen = gtk_window_is_fullscreen (GTK_WINDOW (self));

  if (full_screen != self->full_screen)
    set_full_screen (self, full_screen);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  unknot_open_dialog_ask (UNKNOT_WINDOW (widget));
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  unknot_compat_present_shortcuts (GTK_APPLICATION_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  show_page (self, "library");
  unknot_library_page_start_search (self->library_page);
}

static void
export_history_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  unknot_history_exporter_choose_file (self->exporter, GTK_WINDOW (self));
}

/* ---- the window ---------------------------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         UnknotWindow  *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;
  unknot_window_open_file (self, files->data);
  return TRUE;
}

static gboolean
unknot_window_close_request (GtkWindow *window)
{
  UnknotWindow *self = UNKNOT_WINDOW (window);

  /* Closing during a routine ends it as stopped, so its history row is complete. */
  if (is_running (self))
    unknot_run_stop (self->run);
  unknot_window_state_save (window, unknot_application_get_settings (get_application (self)));
  return GTK_WINDOW_CLASS (unknot_window_parent_class)->close_request (window);
}

static void
unknot_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_RUN: g_value_set_object (value, self->run); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_window_dispose (GObject *object)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  /* Before the pages go: dropping a run under way stops it, which they still see. */
  if (self->run_signals != NULL)
    set_run (self, NULL);
  g_clear_object (&self->run_signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->notifier);
  if (self->exporter != NULL)
    unknot_history_exporter_cancel (self->exporter);
  g_clear_object (&self->exporter);
  g_clear_pointer (&self->after_run_routine, g_free);
  if (self->techniques != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->techniques), (gpointer *) &self->techniques);
      gtk_window_destroy (g_steal_pointer (&self->techniques));
    }

  G_OBJECT_CLASS (unknot_window_parent_class)->dispose (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.show-routine", "s", show_routine_action);
  gtk_widget_class_install_action (widget_class, "win.show-routine-after-run", "(ss)",
                                   show_routine_after_run_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.show-techniques", "s",
                                   show_techniques_action);
  gtk_widget_class_install_action (widget_class, "win.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "win.start-from", "u", start_from_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.export-history", NULL,
                                   export_history_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  for (guint i = 0; i < G_N_ELEMENTS (player_actions); i++)
    gtk_widget_class_install_action (widget_class, player_actions[i], NULL,
                                     g_str_equal (player_actions[i], "player.stop")
                                     ? stop_action : player_action);
}

static void
unknot_window_class_init (UnknotWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = unknot_window_dispose;
  object_class->get_property = unknot_window_get_property;
  window_class->close_request = unknot_window_close_request;

  /* The run on show: running, or ended and summed up; NULL before the first. */
  properties[PROP_RUN] = g_param_spec_object ("run", NULL, NULL, UNKNOT_TYPE_RUN,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                              | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNKNOT_TYPE_LIBRARY_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/unknot/Unknot/ui/unknot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, library_page);
  gtk_widget_class_bind_template_callback (widget_class, on_page_shown);
  install_actions (widget_class);
}

static void
unknot_window_init (UnknotWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->run_signals = g_signal_group_new (UNKNOT_TYPE_RUN);
  g_signal_group_connect_object (self->run_signals, "notify::active",
                                 G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->run_signals, "notify::ended",
                                 G_CALLBACK (on_run_ended), self, G_CONNECT_SWAPPED);
  self->session_signals = g_signal_group_new (UNKNOT_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::segment",
                                 G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::state",
                                 G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (on_fullscreened), NULL);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  update_actions (self);
  on_page_shown (self);
  unknot_startup_probe_attach (GTK_WINDOW (self));
}

UnknotWindow *
unknot_window_new (UnknotApplication *application)
{
  UnknotWindow *self;

  g_return_val_if_fail (UNKNOT_IS_APPLICATION (application), NULL);

  self = g_object_new (UNKNOT_TYPE_WINDOW, "application", application, NULL);
  self->notifier = unknot_run_notifier_new (GTK_WINDOW (self),
                                            unknot_application_get_settings (application));
  g_object_bind_property (self, "run", self->notifier, "run", G_BINDING_SYNC_CREATE);
  self->exporter = unknot_history_exporter_new (self->toast_overlay,
                                                unknot_application_get_history (application));
  unknot_window_state_restore (GTK_WINDOW (self), unknot_application_get_settings (application));
  unknot_library_page_set_library (self->library_page,
                                   unknot_application_get_library (application));
  unknot_library_page_set_history (self->library_page,
                                   unknot_application_get_history (application));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-history",
                                 unknot_application_get_history (application) != NULL);
  for (const char *notice; (notice = unknot_application_next_notice (application)) != NULL;)
    unknot_window_add_toast (self, notice);
  return self;
}

/* Returns: (transfer none) (nullable): the run on show, running or ended. */
UnknotRun *
unknot_window_get_run (UnknotWindow *self)
{
  g_return_val_if_fail (UNKNOT_IS_WINDOW (self), NULL);
  return self->run;
}

/**
 * unknot_window_export_history:
 * @file: where to write the history as CSV; an existing file is replaced only once the
 *   whole export is written
 *
 * What the "Export History…" dialog does with the file chosen: the export is written on
 * a thread of its own, and a toast says how it went.
 */
void
unknot_window_export_history (UnknotWindow *self,
                              GFile        *file)
{
  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  unknot_history_exporter_export (self->exporter, file);
}

/* Previews a routine file from anywhere: it is shown with its problems, reloads when
 * saved, and a valid one can be added to the library. While a routine runs, it only
 * says that the file waits, as a file dropped or opened from elsewhere must not hide
 * the player. */
void
unknot_window_open_file (UnknotWindow *self,
                         GFile        *file)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!is_running (self))
    {
      preview_file (self, file);
      return;
    }
  name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("A routine is running. Stop it or let it finish, then open "
                               "“%s” again."), name);
  unknot_window_add_toast (self, message);
}

/* Shows the page of the routine with @id, unless a routine runs or @id names none. */
void
unknot_window_show_routine_id (UnknotWindow *self,
                               const char   *id)
{
  UnknotRoutine *routine;

  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  routine = unknot_library_lookup (unknot_application_get_library (get_application (self)), id);
  if (routine != NULL && !is_running (self))
    show_routine (self, routine);
}

/**
 * unknot_window_start:
 * @id: (nullable): the id of a routine in the library
 * @file: (nullable): a routine file, used when @id names no routine
 *
 * Starts the routine at once, as --start does; a routine already running is stopped.
 *
 * Returns: %FALSE if neither names a routine that can run.
 */
gboolean
unknot_window_start (UnknotWindow *self,
                     const char   *id,
                     GFile        *file)
{
  UnknotLibrary *library;
  UnknotRoutine *routine = NULL;

  g_return_val_if_fail (UNKNOT_IS_WINDOW (self), FALSE);

  library = unknot_application_get_library (get_application (self));
  if (id != NULL)
    routine = unknot_library_lookup (library, id);
  if (routine != NULL)
    show_routine (self, routine);
  else if (file != NULL && g_file_query_exists (file, NULL))
    {
      preview_file (self, file);
      routine = get_shown_routine (self);
    }
  if (routine == NULL)
    return FALSE;
  start_routine (self, routine);
  return TRUE;
}

void
unknot_window_add_toast (UnknotWindow *self,
                         const char   *message)
{
  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, unknot_toast_new_text (message));
}
