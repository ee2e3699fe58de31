/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-history-export.h"
#include "unknot-history-page.h"
#include "unknot-library-page.h"
#include "unknot-player-page.h"
#include "unknot-routine-page.h"
#include "unknot-routine-run.h"
#include "unknot-startup-probe.h"
#include "unknot-summary-page.h"
#include "unknot-window.h"

/* The main window: a stack of pages (library → routine → player → summary, and the
 * history) with the window-wide actions, file opening and drag and drop.
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

  UnknotRoutineRun *run;  /* the routine running or last run, or NULL */
  char *last_toast;       /* what the window last told the user */
  AdwToast *export_toast; /* weak: what the last export said, while it shows */
};

static const char *const player_actions[] = {
  "player.toggle", "player.previous", "player.next", "player.stop", "player.add-time",
};

G_DEFINE_FINAL_TYPE (UnknotWindow, unknot_window, ADW_TYPE_APPLICATION_WINDOW)

static UnknotApplication *
get_application (UnknotWindow *self)
{
  return UNKNOT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static gboolean
is_running (UnknotWindow *self)
{
  return self->run != NULL && unknot_routine_run_is_active (self->run);
}

/* Actions that show another page. While a routine runs they are off: leaving the
 * player would hide the routine, still running, with no way back to it. */
static const char *const leaving_actions[] = { "win.open", "win.search", "win.history" };

/* The player's keys work only while a routine runs on screen; elsewhere Space and the
 * arrows keep their usual meaning. */
static void
update_player_actions (UnknotWindow *self)
{
  gboolean running = is_running (self);
  gboolean active = running
                    && g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "player") == 0;

  for (guint i = 0; i < G_N_ELEMENTS (player_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), player_actions[i], active);
  for (guint i = 0; i < G_N_ELEMENTS (leaving_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), leaving_actions[i], !running);
}

static void
show_page (UnknotWindow *self,
           const char   *name)
{
  gtk_stack_set_visible_child_name (self->pages, name);
  update_player_actions (self);
}

static void on_back_to_library (GtkWidget *page, UnknotWindow *self);
static void on_start_requested (GtkWidget *page, UnknotRoutine *routine, UnknotWindow *self);
static void on_rated (UnknotSummaryPage *page, guint rating, UnknotWindow *self);

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
      g_signal_connect (self->routine_page, "back", G_CALLBACK (on_back_to_library), self);
      g_signal_connect (self->routine_page, "start", G_CALLBACK (on_start_requested), self);
    }
  return self->routine_page;
}

static UnknotPlayerPage *
get_player_page (UnknotWindow *self)
{
  if (self->player_page == NULL)
    self->player_page = UNKNOT_PLAYER_PAGE (add_page (self, UNKNOT_TYPE_PLAYER_PAGE, "player"));
  return self->player_page;
}

static UnknotSummaryPage *
get_summary_page (UnknotWindow *self)
{
  if (self->summary_page == NULL)
    {
      self->summary_page =
        UNKNOT_SUMMARY_PAGE (add_page (self, UNKNOT_TYPE_SUMMARY_PAGE, "summary"));
      g_signal_connect (self->summary_page, "rated", G_CALLBACK (on_rated), self);
      g_signal_connect (self->summary_page, "repeat", G_CALLBACK (on_start_requested), self);
      g_signal_connect (self->summary_page, "done", G_CALLBACK (on_back_to_library), self);
    }
  return self->summary_page;
}

static void
on_add_toast (UnknotHistoryPage *page,
              AdwToast          *toast,
              UnknotWindow      *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static UnknotHistoryPage *
get_history_page (UnknotWindow *self)
{
  UnknotApplication *application;

  if (self->history_page != NULL)
    return self->history_page;

  application = get_application (self);
  self->history_page = UNKNOT_HISTORY_PAGE (add_page (self, UNKNOT_TYPE_HISTORY_PAGE, "history"));
  g_signal_connect (self->history_page, "back", G_CALLBACK (on_back_to_library), self);
  g_signal_connect (self->history_page, "add-toast", G_CALLBACK (on_add_toast), self);
  unknot_history_page_set_settings (self->history_page,
                                    unknot_application_get_settings (application));
  unknot_history_page_set_history (self->history_page,
                                   unknot_application_get_history (application));
  return self->history_page;
}

static void
on_routine_activated (UnknotLibraryPage *page,
                      UnknotRoutine     *routine,
                      UnknotWindow      *self)
{
  unknot_window_show_routine (self, routine);
}

static void
on_back_to_library (GtkWidget    *page,
                    UnknotWindow *self)
{
  unknot_window_show_library (self);
}

static void
on_run_ended (UnknotRoutineRun *run,
              UnknotWindow     *self)
{
  UnknotSession *session = unknot_routine_run_get_session (run);

  unknot_summary_page_show (get_summary_page (self), unknot_session_get_routine (session),
                            unknot_session_get_state (session) == UNKNOT_SESSION_FINISHED,
                            unknot_session_get_elapsed (session),
                            unknot_routine_run_get_n_steps (run),
                            unknot_routine_run_get_regions (run),
                            unknot_routine_run_is_recorded (run));
  show_page (self, "summary");
}

static void
start_routine (UnknotWindow  *self,
               UnknotRoutine *routine)
{
  UnknotApplication *application = get_application (self);

  if (is_running (self))
    unknot_session_stop (unknot_routine_run_get_session (self->run));
  g_clear_object (&self->run);

  self->run = unknot_routine_run_new (GTK_APPLICATION (application), GTK_WINDOW (self), routine,
                                      unknot_application_get_history (application),
                                      unknot_application_get_settings (application),
                                      unknot_application_get_speed (application));
  g_signal_connect (self->run, "ended", G_CALLBACK (on_run_ended), self);
  unknot_cue_player_set_session (unknot_application_get_cue_player (application),
                                 unknot_routine_run_get_session (self->run));
  unknot_player_page_set_session (get_player_page (self),
                                  unknot_routine_run_get_session (self->run));
  g_signal_connect_swapped (unknot_routine_run_get_session (self->run), "notify::state",
                            G_CALLBACK (update_player_actions), self);
  show_page (self, "player");
  unknot_routine_run_start (self->run);
}

static void
on_start_requested (GtkWidget     *page,
                    UnknotRoutine *routine,
                    UnknotWindow  *self)
{
  start_routine (self, routine);
}

static void
on_rated (UnknotSummaryPage *page,
          guint              rating,
          UnknotWindow       *self)
{
  UnknotHistory *history = unknot_application_get_history (get_application (self));
  gint64 id = self->run ? unknot_routine_run_get_history_id (self->run) : 0;
  g_autoptr (GError) error = NULL;

  if (history == NULL || id == 0)
    return;
  if (!unknot_history_set_feedback (history, id, rating, NULL, &error))
    unknot_window_add_toast (self, _("The rating could not be saved."));
}

static UnknotSession *
get_running_session (UnknotWindow *self)
{
  return self->run != NULL && unknot_routine_run_is_active (self->run)
         ? unknot_routine_run_get_session (self->run) : NULL;
}

static void
player_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotSession *session = get_running_session (UNKNOT_WINDOW (widget));

  if (session == NULL)
    return;
  if (g_str_equal (action_name, "player.toggle"))
    unknot_session_toggle (session);
  else if (g_str_equal (action_name, "player.previous"))
    unknot_session_previous (session);
  else if (g_str_equal (action_name, "player.next"))
    unknot_session_next (session);
  else if (g_str_equal (action_name, "player.add-time"))
    unknot_session_add_time (session);
}

static void
on_stop_response (AdwMessageDialog *dialog,
                  const char       *response,
                  UnknotWindow     *self)
{
  UnknotSession *session = get_running_session (self);

  if (session != NULL && g_str_equal (response, "stop"))
    unknot_session_stop (session);
}

/* Stopping by accident would lose the rest of the routine, so it asks first; the time
 * spent so far is recorded either way. */
static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  GtkWidget *dialog;

  if (get_running_session (self) == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Stop the Routine?"),
                                   _("The steps you have done so far are kept in your history."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Continue"),
                                    "stop", _("_Stop"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_signal_connect (dialog, "response", G_CALLBACK (on_stop_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  UnknotWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      unknot_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) routines = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Routine"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (routines, _("Routine files"));
  gtk_file_filter_add_pattern (routines, "*.xml");
  gtk_file_filter_add_mime_type (routines, "application/x-unknot-routine+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), routines);

  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The shortcuts window is built when first asked for, not with the window: it is a
 * large interface that most sessions never open, and opening the app should not wait
 * for it. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/unknot/Unknot/ui/unknot-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  unknot_window_show_library (self);
  unknot_library_page_start_search (self->library_page);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  unknot_window_show_history (UNKNOT_WINDOW (widget));
}

/* The whole export is written before the file takes its place: g_file_replace() writes
 * beside an existing file and renames over it only on a successful close. */
static gboolean
write_history_csv (UnknotHistory  *history,
                   GFile          *file,
                   GError        **error)
{
  gboolean existed = g_file_query_exists (file, NULL);
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GCancellable) abandon = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (unknot_history_export_csv (history, G_OUTPUT_STREAM (stream), error))
    return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);

  /* Closing through a cancelled cancellable drops the temporary file and leaves an
   * existing file as it was; a new file was written in place, so it is removed. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
  return FALSE;
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    UnknotWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      unknot_window_export_history (self, file);
    }
  g_object_unref (dialog);
}

static void
export_history_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export History"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "unknot-history.csv");
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

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

static void
save_window_state (UnknotWindow *self)
{
  GSettings *settings = unknot_application_get_settings (get_application (self));
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
unknot_window_close_request (GtkWindow *window)
{
  UnknotWindow *self = UNKNOT_WINDOW (window);
  UnknotSession *session = get_running_session (self);

  /* Closing during a routine ends it as stopped, so its history row is complete. */
  if (session != NULL)
    unknot_session_stop (session);
  save_window_state (self);
  return GTK_WINDOW_CLASS (unknot_window_parent_class)->close_request (window);
}

static void
unknot_window_dispose (GObject *object)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  if (self->run != NULL)
    g_signal_handlers_disconnect_by_data (self->run, self);
  g_clear_object (&self->run);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_weak_pointer (&self->export_toast);

  G_OBJECT_CLASS (unknot_window_parent_class)->dispose (object);
}

static void
unknot_window_class_init (UnknotWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = unknot_window_dispose;
  window_class->close_request = unknot_window_close_request;

  g_type_ensure (UNKNOT_TYPE_LIBRARY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/unknot/Unknot/ui/unknot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, library_page);
  gtk_widget_class_bind_template_callback (widget_class, on_routine_activated);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.export-history", NULL,
                                   export_history_action);
  for (guint i = 0; i < G_N_ELEMENTS (player_actions); i++)
    gtk_widget_class_install_action (widget_class, player_actions[i], NULL,
                                     g_str_equal (player_actions[i], "player.stop")
                                     ? stop_action : player_action);
}

static void
unknot_window_init (UnknotWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  update_player_actions (self);
  unknot_startup_probe_attach (GTK_WINDOW (self));
}

static void
restore_window_state (UnknotWindow *self)
{
  GSettings *settings = unknot_application_get_settings (get_application (self));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

UnknotWindow *
unknot_window_new (UnknotApplication *application)
{
  UnknotWindow *self;

  g_return_val_if_fail (UNKNOT_IS_APPLICATION (application), NULL);

  self = g_object_new (UNKNOT_TYPE_WINDOW, "application", application, NULL);
  restore_window_state (self);
  unknot_library_page_set_library (self->library_page,
                                   unknot_application_get_library (application));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-history",
                                 unknot_application_get_history (application) != NULL);
  for (const char *notice; (notice = unknot_application_next_notice (application)) != NULL;)
    unknot_window_add_toast (self, notice);
  return self;
}

void
unknot_window_show_library (UnknotWindow *self)
{
  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  show_page (self, "library");
}

/* Shows the history page, read afresh from the store. */
void
unknot_window_show_history (UnknotWindow *self)
{
  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  get_history_page (self);
  show_page (self, "history");
}

/* A new export's outcome replaces the last one's rather than waiting behind it. */
static void
show_export_toast (UnknotWindow *self,
                   const char   *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  if (self->export_toast != NULL)
    adw_toast_dismiss (self->export_toast);
  g_set_weak_pointer (&self->export_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * unknot_window_export_history:
 * @file: where to write the history as CSV; an existing file is replaced only once the
 *   whole export is written
 *
 * What the "Export History…" dialog does with the file chosen; a toast says how it went.
 *
 * Returns: whether the file was written.
 */
gboolean
unknot_window_export_history (UnknotWindow *self,
                              GFile        *file)
{
  UnknotHistory *history;
  g_autoptr (GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (UNKNOT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  history = unknot_application_get_history (get_application (self));
  if (history == NULL)
    {
      show_export_toast (self, _("Your history could not be opened, so there is nothing to "
                                 "export."));
      return FALSE;
    }

  if (!write_history_csv (history, file, &error))
    {
      /* Translators: %s says what went wrong */
      message = g_strdup_printf (_("The history could not be exported: %s"), error->message);
      show_export_toast (self, message);
      return FALSE;
    }

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("History exported to %s"), name);
  show_export_toast (self, message);
  return TRUE;
}

/* Shows a routine of the library. */
void
unknot_window_show_routine (UnknotWindow  *self,
                            UnknotRoutine *routine)
{
  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  g_return_if_fail (UNKNOT_IS_ROUTINE (routine));

  unknot_routine_page_show_routine (get_routine_page (self), routine);
  show_page (self, "routine");
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

/**
 * unknot_window_start:
 * @id: (nullable): the id of a routine in the library
 * @file: (nullable): a routine file, used when @id names no routine
 *
 * Starts the routine at once, as --start does.
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
  if (routine == NULL && file != NULL && g_file_query_exists (file, NULL))
    {
      preview_file (self, file);
      routine = unknot_routine_page_get_routine (get_routine_page (self));
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
  g_autofree char *markup = NULL;

  g_return_if_fail (UNKNOT_IS_WINDOW (self));

  /* A toast's title is markup; messages are plain text, file names and all. */
  markup = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
}

/* The text of the last toast shown, or %NULL. */
const char *
unknot_window_get_last_toast (UnknotWindow *self)
{
  g_return_val_if_fail (UNKNOT_IS_WINDOW (self), NULL);
  return self->last_toast;
}

/* The name of the page on show: "library", "routine", "player", "summary" or "history". */
const char *
unknot_window_get_page_name (UnknotWindow *self)
{
  g_return_val_if_fail (UNKNOT_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}

/* Returns: (transfer none): the page of that name, built if it was not yet. */
GtkWidget *
unknot_window_get_page (UnknotWindow *self,
                        const char   *name)
{
  g_return_val_if_fail (UNKNOT_IS_WINDOW (self), NULL);

  if (g_str_equal (name, "routine"))
    return GTK_WIDGET (get_routine_page (self));
  if (g_str_equal (name, "player"))
    return GTK_WIDGET (get_player_page (self));
  if (g_str_equal (name, "summary"))
    return GTK_WIDGET (get_summary_page (self));
  if (g_str_equal (name, "history"))
    return GTK_WIDGET (get_history_page (self));
  return gtk_stack_get_child_by_name (self->pages, name);
}
