/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-accessible-names.h"
#include "unknot-history-exporter.h"
#include "unknot-history-page.h"
#include "unknot-library-page.h"
#include "unknot-player-page.h"
#include "unknot-routine-page.h"
#include "unknot-run-notifier.h"
#include "unknot-startup-probe.h"
#include "unknot-summary-page.h"
#include "unknot-toasts.h"
#include "unknot-window-state.h"
#include "unknot-window.h"
#include "unknot-window-private.h"

/* The main window: a stack of pages (library → routine → player → summary, and the
 * history) and the actions that move between them and command the run on show. The
 * pages' buttons name these actions in their templates; the window shows one run at a
 * time, which the player and summary pages follow through their "run" property.
 *
 * Only the library is built with the window; the other pages are built the first time
 * they are needed, which keeps them out of the first frame the user waits for.
 *
 * The actions themselves are in unknot-window-actions.c. */

enum
{
  PROP_0,
  PROP_RUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotWindow, unknot_window, ADW_TYPE_APPLICATION_WINDOW)

void
unknot_window_show_page (UnknotWindow *self,
                         const char   *name)
{
  gtk_stack_set_visible_child_name (self->pages, name);
  unknot_window_update_actions (self);
}

/* The window's title names the page, for the window list and for screen readers, which
 * read it as the window's name when the page changes. */
static char *
page_title (UnknotWindow *self,
            const char   *page)
{
  UnknotRoutine *routine = unknot_window_get_shown_routine (self);
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
                               G_CALLBACK (unknot_window_update_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->routine_page, "notify::routine",
                               G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
    }
  return self->routine_page;
}

UnknotPlayerPage *
unknot_window_get_player_page (UnknotWindow *self)
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

UnknotHistoryPage *
unknot_window_get_history_page (UnknotWindow *self)
{
  UnknotApplication *application;

  if (self->history_page != NULL)
    return self->history_page;

  application = unknot_window_get_app (self);
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
  unknot_window_show_page (self, "summary");
  /* The week's goal may be met now. */
  unknot_application_update_reminders (unknot_window_get_app (self));
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

void
unknot_window_start_routine_at (UnknotWindow  *self,
                                UnknotRoutine *routine,
                                guint          item)
{
  UnknotApplication *application = unknot_window_get_app (self);
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
  unknot_window_get_player_page (self);
  unknot_window_show_page (self, "player");
  unknot_run_start_at (run, item);
  /* Its session is in the history now: a reminder on screen is stale. */
  unknot_application_update_reminders (application);
}

void
unknot_window_start_routine (UnknotWindow  *self,
                             UnknotRoutine *routine)
{
  unknot_window_start_routine_at (self, routine, 0);
}

void
unknot_window_show_routine (UnknotWindow  *self,
                            UnknotRoutine *routine)
{
  UnknotCuePlayer *cue_player = unknot_application_get_cue_player (unknot_window_get_app (self));

  unknot_routine_page_show_routine (get_routine_page (self), routine);
  unknot_window_show_page (self, "routine");
  /* While the page is read, so that "Get ready" is heard right at the start. */
  unknot_cue_player_prepare_routine (cue_player, routine);
}

static void
preview_file (UnknotWindow *self,
              GFile        *file)
{
  unknot_routine_page_preview_file (get_routine_page (self),
                                    unknot_application_get_library (unknot_window_get_app (self)),
                                    file);
  unknot_window_show_page (self, "routine");
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
  if (unknot_window_is_running (self))
    unknot_run_stop (self->run);
  unknot_window_state_save (window, unknot_application_get_settings (unknot_window_get_app (self)));
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
  unknot_window_install_actions (widget_class);
}

static void
unknot_window_init (UnknotWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->run_signals = g_signal_group_new (UNKNOT_TYPE_RUN);
  g_signal_group_connect_object (self->run_signals, "notify::active",
                                 G_CALLBACK (unknot_window_update_actions), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->run_signals, "notify::ended",
                                 G_CALLBACK (on_run_ended), self, G_CONNECT_SWAPPED);
  self->session_signals = g_signal_group_new (UNKNOT_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::segment",
                                 G_CALLBACK (unknot_window_update_actions), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::state",
                                 G_CALLBACK (unknot_window_update_actions), self,
                                 G_CONNECT_SWAPPED);

  g_signal_connect (self, "notify::fullscreened",
                    G_CALLBACK (unknot_window_on_fullscreened), NULL);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  unknot_window_update_actions (self);
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

  if (!unknot_window_is_running (self))
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
  UnknotLibrary *library;
  UnknotRoutine *routine;

  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  library = unknot_application_get_library (unknot_window_get_app (self));
  routine = unknot_library_lookup (library, id);
  if (routine != NULL && !unknot_window_is_running (self))
    unknot_window_show_routine (self, routine);
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

  library = unknot_application_get_library (unknot_window_get_app (self));
  if (id != NULL)
    routine = unknot_library_lookup (library, id);
  if (routine != NULL)
    unknot_window_show_routine (self, routine);
  else if (file != NULL && g_file_query_exists (file, NULL))
    {
      preview_file (self, file);
      routine = unknot_window_get_shown_routine (self);
    }
  if (routine == NULL)
    return FALSE;
  unknot_window_start_routine (self, routine);
  return TRUE;
}

void
unknot_window_add_toast (UnknotWindow *self,
                         const char   *message)
{
  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, unknot_toast_new_text (message));
}
