/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* The build pins the code to the GTK and libadwaita of Debian 12 (meson.build); this
 * unit alone may call what later versions add, each use behind a check of
 * unknot-compat.h. */
#undef GDK_VERSION_MAX_ALLOWED
#undef ADW_VERSION_MAX_ALLOWED

#include <glib/gi18n.h>

#include "unknot-compat.h"

/* The one place that knows which GTK and libadwaita the app is built against. Each
 * function does one thing the pages need (ask, show, choose, look up) with the current
 * widget where the stack has it and with the older one where it does not, so that the
 * pages stay free of version checks and a newer build calls nothing deprecated. */

#define SHORTCUTS_RESOURCE_DIR "/io/github/unknot/Unknot/ui/"

/* ---- alerts ---------------------------------------------------------------------- */

/**
 * unknot_compat_present_alert:
 * @answered: connected to the alert's "response" signal for as long as @owner lives
 *
 * Returns: (transfer none): the alert shown
 */
GObject *
unknot_compat_present_alert (GtkWindow           *parent,
                             const UnknotAlert   *alert,
                             UnknotAlertAnswered  answered,
                             gpointer             owner)
{
  GObject *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (alert != NULL, NULL);

#if UNKNOT_HAVE_ADW_DIALOG
  dialog = G_OBJECT (adw_alert_dialog_new (alert->heading, alert->body));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  alert->keep_response, alert->keep_label,
                                  alert->destroy_response, alert->destroy_label,
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), alert->destroy_response,
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), alert->keep_response);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), alert->keep_response);
  g_signal_connect_object (dialog, "response", G_CALLBACK (answered), owner, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (parent));
#else
  dialog = G_OBJECT (adw_message_dialog_new (parent, alert->heading, alert->body));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    alert->keep_response, alert->keep_label,
                                    alert->destroy_response, alert->destroy_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              alert->destroy_response,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), alert->keep_response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), alert->keep_response);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (answered), owner, 0);
  gtk_window_present (GTK_WINDOW (dialog));
#endif
  return dialog;
}

/* ---- dialogs --------------------------------------------------------------------- */

/**
 * unknot_compat_present_about:
 * @parent: (nullable): the window it is about
 * @first_property: properties shared by AdwAboutDialog and AdwAboutWindow, then NULL
 */
void
unknot_compat_present_about (GtkWindow  *parent,
                             const char *first_property,
                             ...)
{
  GObject *about;
  va_list properties;

  va_start (properties, first_property);
#if UNKNOT_HAVE_ADW_DIALOG
  about = g_object_new_valist (ADW_TYPE_ABOUT_DIALOG, first_property, properties);
  adw_dialog_present (ADW_DIALOG (about), GTK_WIDGET (parent));
#else
  about = g_object_new_valist (ADW_TYPE_ABOUT_WINDOW, first_property, properties);
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
#endif
  va_end (properties);
}

#if !UNKNOT_HAVE_ADW_DIALOG || !UNKNOT_HAVE_SHORTCUTS_DIALOG
/* A dialog that is a window of its own opens no larger than the window it belongs to,
 * @width × @height or its natural size (-1) otherwise: on a phone-sized window it would
 * stick out of the screen. The dialogs inside the window fit it by themselves. */
static void
fit_to_parent (GtkWindow *dialog,
               GtkWindow *parent,
               int        width,
               int        height)
{
  int parent_width = parent ? gtk_widget_get_width (GTK_WIDGET (parent)) : 0;
  int parent_height = parent ? gtk_widget_get_height (GTK_WIDGET (parent)) : 0;

  if (parent_width > 0 && (width < 0 || width > parent_width))
    width = parent_width;
  if (parent_height > 0 && (height < 0 || height > parent_height))
    height = parent_height;
  gtk_window_set_default_size (dialog, width, height);
}
#endif

#if !UNKNOT_HAVE_SHORTCUTS_DIALOG
/* GtkShortcutsWindow asks room for 40 characters in its search entry, wider than the
 * rest of it and than a phone's screen; the entry works as well narrower. */
static void
narrow_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (widget), 12);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    narrow_search_entry (child);
}
#endif

/* The preferences are one page; this puts it in the dialog or window of the stack. */
void
unknot_compat_present_preferences (GtkWindow          *parent,
                                   AdwPreferencesPage *page)
{
#if UNKNOT_HAVE_ADW_DIALOG
  AdwDialog *dialog;

  g_return_if_fail (ADW_IS_PREFERENCES_PAGE (page));
  dialog = adw_preferences_dialog_new ();
  adw_preferences_dialog_set_search_enabled (ADW_PREFERENCES_DIALOG (dialog), FALSE);
  adw_dialog_set_content_width (dialog, 520);
  /* Not the 360 px a dialog asks by default: less fits a phone-sized window whose frame
   * takes a few pixels, and the page scrolls. */
  gtk_widget_set_size_request (GTK_WIDGET (dialog), 320, -1);
  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (dialog), page);
  adw_dialog_present (dialog, GTK_WIDGET (parent));
#else
  GtkWidget *window;

  g_return_if_fail (ADW_IS_PREFERENCES_PAGE (page));
  window = adw_preferences_window_new ();
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  fit_to_parent (GTK_WINDOW (window), parent, 520, -1);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), page);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_present (GTK_WINDOW (window));
#endif
}

/* The shortcuts are built when first asked for, not with the window: a large interface
 * that most sessions never open, and opening the app should not wait for it. Each file
 * names the actions, and shows the keys the application registered for them. */
void
unknot_compat_present_shortcuts (GtkApplicationWindow *window)
{
#if UNKNOT_HAVE_SHORTCUTS_DIALOG
  g_autoptr (GtkBuilder) builder = NULL;

  g_return_if_fail (GTK_IS_APPLICATION_WINDOW (window));
  builder = gtk_builder_new_from_resource (SHORTCUTS_RESOURCE_DIR "unknot-shortcuts-dialog.ui");
  adw_dialog_present (ADW_DIALOG (gtk_builder_get_object (builder, "shortcuts_dialog")),
                      GTK_WIDGET (window));
#else
  GtkShortcutsWindow *overlay;

  g_return_if_fail (GTK_IS_APPLICATION_WINDOW (window));
  overlay = gtk_application_window_get_help_overlay (window);
  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource (SHORTCUTS_RESOURCE_DIR "unknot-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  narrow_search_entry (GTK_WIDGET (overlay));
  fit_to_parent (GTK_WINDOW (overlay), GTK_WINDOW (window), -1, -1);
  gtk_window_present (GTK_WINDOW (overlay));
#endif
}

/**
 * unknot_compat_get_shown_dialog:
 *
 * Returns: (transfer none) (nullable): the dialog @parent shows: the one inside it, or
 * on the older stack the visible window in front of it
 */
GtkWidget *
unknot_compat_get_shown_dialog (GtkWindow *parent)
{
#if UNKNOT_HAVE_ADW_DIALOG
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  if (ADW_IS_APPLICATION_WINDOW (parent))
    return GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (parent)));
  if (ADW_IS_WINDOW (parent))
    return GTK_WIDGET (adw_window_get_visible_dialog (ADW_WINDOW (parent)));
  return NULL;
#else
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == parent
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
#endif
}

/* As the user closes it: an alert answers its close response. */
void
unknot_compat_close_dialog (GtkWidget *dialog)
{
#if UNKNOT_HAVE_ADW_DIALOG
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_close (ADW_DIALOG (dialog));
      return;
    }
#endif
  gtk_window_close (GTK_WINDOW (dialog));
}

/* ---- files ----------------------------------------------------------------------- */

/* What to call back when the user has chosen, kept without keeping its owner alive: a
 * window closed while its file chooser is open gets no call. */
typedef struct
{
  UnknotFileChosen chosen;
  GWeakRef owner;
} Choice;

static Choice *
choice_new (UnknotFileChosen chosen,
            gpointer         owner)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->chosen = chosen;
  g_weak_ref_init (&choice->owner, owner);
  return choice;
}

static void
choice_finish (Choice *choice,
               GFile  *file)
{
  g_autoptr (GObject) owner = g_weak_ref_get (&choice->owner);

  if (owner != NULL)
    choice->chosen (file, owner);
  g_weak_ref_clear (&choice->owner);
  g_free (choice);
}

#if UNKNOT_HAVE_FILE_DIALOG

typedef GFile *(*FileDialogFinish) (GtkFileDialog *, GAsyncResult *, GError **);

static GtkFileDialog *
file_dialog_new (const char    *title,
                 const char    *accept_label,
                 GtkFileFilter *filter,
                 GtkFileFilter *all_files)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  g_list_store_append (filters, filter);
  if (all_files != NULL)
    g_list_store_append (filters, all_files);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  return dialog;
}

static void
on_file_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data,
                     FileDialogFinish finish)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = finish (GTK_FILE_DIALOG (source), result, &error);

  /* Cancelling is an answer too; anything else means no chooser could be shown. */
  if (error != NULL && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_message ("Could not show the file chooser: %s", error->message);
  choice_finish (data, file);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  on_file_dialog_done (source, result, data, gtk_file_dialog_open_finish);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  on_file_dialog_done (source, result, data, gtk_file_dialog_save_finish);
}

#else

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         data)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  choice_finish (data, file);
  g_object_unref (dialog);
}

static void
show_chooser (GtkWindow            *parent,
              const char           *title,
              GtkFileChooserAction  action,
              const char           *accept_label,
              const char           *initial_name,
              GtkFileFilter        *filter,
              GtkFileFilter        *all_files,
              Choice               *choice)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (title, parent, action, accept_label, NULL);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), initial_name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (all_files != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all_files);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_chooser_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

#endif

/* Offered after the filter of an Open dialog: for a file saved under another name, or
 * renamed by a mail program. */
static GtkFileFilter *
all_files_filter_new (void)
{
  GtkFileFilter *all_files = gtk_file_filter_new ();

  gtk_file_filter_set_name (all_files, _("All files"));
  gtk_file_filter_add_pattern (all_files, "*");
  return all_files;
}

/* @filter: shown first and chosen, with "All files" after it
 * @chosen: called once, with the file or NULL, unless @owner is gone by then */
void
unknot_compat_choose_file_to_open (GtkWindow        *parent,
                                   const char       *title,
                                   const char       *accept_label,
                                   GtkFileFilter    *filter,
                                   UnknotFileChosen  chosen,
                                   gpointer          owner)
{
  Choice *choice = choice_new (chosen, owner);
  g_autoptr (GtkFileFilter) all_files = all_files_filter_new ();

#if UNKNOT_HAVE_FILE_DIALOG
  g_autoptr (GtkFileDialog) dialog = file_dialog_new (title, accept_label, filter, all_files);

  gtk_file_dialog_open (dialog, parent, NULL, on_opened, choice);
#else
  show_chooser (parent, title, GTK_FILE_CHOOSER_ACTION_OPEN, accept_label, NULL, filter,
                all_files, choice);
#endif
}

void
unknot_compat_choose_file_to_save (GtkWindow        *parent,
                                   const char       *title,
                                   const char       *accept_label,
                                   const char       *initial_name,
                                   GtkFileFilter    *filter,
                                   UnknotFileChosen  chosen,
                                   gpointer          owner)
{
  Choice *choice = choice_new (chosen, owner);

#if UNKNOT_HAVE_FILE_DIALOG
  g_autoptr (GtkFileDialog) dialog = file_dialog_new (title, accept_label, filter, NULL);

  gtk_file_dialog_set_initial_name (dialog, initial_name);
  gtk_file_dialog_save (dialog, parent, NULL, on_saved, choice);
#else
  show_chooser (parent, title, GTK_FILE_CHOOSER_ACTION_SAVE, accept_label, initial_name,
                filter, NULL, choice);
#endif
}

/* ---- colours --------------------------------------------------------------------- */

/**
 * unknot_compat_lookup_color:
 * @name: "window_fg_color", "accent_bg_color" or "accent_color"; others on the older
 *   stack only
 *
 * Returns: whether the theme gave a colour for @name
 */
gboolean
unknot_compat_lookup_color (GtkWidget  *widget,
                            const char *name,
                            GdkRGBA    *color)
{
#if UNKNOT_HAVE_COLORS_WITHOUT_STYLE_CONTEXT
  AdwStyleManager *manager = adw_style_manager_get_for_display (gtk_widget_get_display (widget));
  AdwAccentColor accent = adw_style_manager_get_accent_color (manager);

  /* The custom widgets inherit the window's text colour. */
  if (g_str_equal (name, "window_fg_color"))
    gtk_widget_get_color (widget, color);
  else if (g_str_equal (name, "accent_bg_color"))
    adw_accent_color_to_rgba (accent, color);
  else if (g_str_equal (name, "accent_color"))
    adw_accent_color_to_standalone_rgba (accent, adw_style_manager_get_dark (manager), color);
  else
    return FALSE;
  return TRUE;
#else
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  return gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}

/* ---- opening files elsewhere ----------------------------------------------------- */

#if UNKNOT_HAVE_FILE_LAUNCHER
static void
on_file_launched (GObject      *launcher,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr (GError) error = NULL;

  /* The portal has shown its own choice and its own errors; a cancelled choice is no
   * failure. */
  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (launcher), result, &error))
    g_debug ("The file was not opened: %s", error->message);
}
#endif

/**
 * unknot_compat_open_with_chosen_app:
 *
 * Has the user choose an application to open @file with (through the desktop's portal
 * in a sandbox), where GTK can ask (4.12 on).
 *
 * Returns: %FALSE where it cannot
 */
gboolean
unknot_compat_open_with_chosen_app (GtkWindow *parent,
                                    GFile     *file)
{
#if UNKNOT_HAVE_FILE_LAUNCHER
  g_autoptr (GtkFileLauncher) launcher = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  launcher = gtk_file_launcher_new (file);
  gtk_file_launcher_set_always_ask (launcher, TRUE);
  gtk_file_launcher_launch (launcher, parent, NULL, on_file_launched, NULL);
  return TRUE;
#else
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  return FALSE;
#endif
}

/* ---- screen readers ------------------------------------------------------------ */

/**
 * unknot_compat_announce:
 * @accessible: the widget the announcement comes from
 * @text: what a screen reader should say at once
 *
 * Has screen readers speak @text where GTK can announce (4.14 on); elsewhere does
 * nothing, and the caller's status line is what they have.
 */
void
unknot_compat_announce (GtkWidget  *accessible,
                        const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (accessible));
  g_return_if_fail (text != NULL);

#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (accessible), text,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}
