/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-application.h"
#include "unknot-background-permission.h"
#include "unknot-body-figure.h"
#include "unknot-cli.h"
#include "unknot-compat.h"
#include "unknot-preferences-page.h"
#include "unknot-reminders.h"
#include "unknot-ui-resources.h"
#include "unknot-window.h"

/* The app: command-line modes that need no display are handled in the calling process
 * (handle-local-options); everything else reaches the one running instance as a
 * command line, so "unknot --start post-run-recovery" from a desktop action starts
 * the routine in the window that is already open. */
struct _UnknotApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  UnknotLibrary *library;
  UnknotHistory *history;  /* nullable: the history could not be opened */
  UnknotCuePlayer *cue_player;
  UnknotReminders *reminders;
  UnknotBackgroundPermission *background;
  GQueue notices;          /* of char *: what the user should hear of at start */
  char *last_notice;
  double speed;
};

G_DEFINE_FINAL_TYPE (UnknotApplication, unknot_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check routine files and print their problems"), NULL },
  { "timeline", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print when each segment and cue of a routine comes"), N_("FILE") },
  { "export-history", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the history of sessions as CSV to FILE (- for standard output)"), N_("FILE") },
  /* Translators: the help of "unknot --export-pack ID-OR-FILE OUT.unknot". */
  { "export-pack", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a routine with its pictures and audio as a routine pack, OUT.unknot"),
    N_("ID-OR-FILE") },
  /* Translators: the help of "unknot --handout ID-OR-FILE OUT.pdf". */
  { "handout", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a printable handout of a routine as a PDF file, OUT.pdf"), N_("ID-OR-FILE") },
  { "start", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start a routine at once, given by its id or file"), N_("ID-OR-FILE") },
  /* What a reminder's "Start" runs, when the window was not open. */
  { "show", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the page of a routine, given by its id"), N_("ID") },
  /* A string, not a double: GApplication drops a double option whose value is 0, and
   * "--speed 0" must be refused, not taken as no option at all. */
  { "speed", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Run timers this many times faster, to preview a routine"), N_("FACTOR") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

/* The --speed factor, if given and sensible: more than 0, at most 1000. */
static gboolean
parse_speed (GVariantDict *options,
             double       *speed)
{
  const char *text;
  char *end = NULL;

  if (!g_variant_dict_lookup (options, "speed", "&s", &text))
    return FALSE;
  *speed = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && *speed > 0 && *speed <= 1000;
}

static int
unknot_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  g_autofree const char **files = NULL;
  g_autofree char *timeline = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *pack_routine = NULL;
  g_autofree char *handout_routine = NULL;
  double speed;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("unknot %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  if (g_variant_dict_contains (options, "validate"))
    return unknot_cli_validate (files, stdout, stderr);
  if (g_variant_dict_lookup (options, "timeline", "^ay", &timeline))
    return unknot_cli_timeline (timeline, files, stdout, stderr);
  if (g_variant_dict_lookup (options, "export-history", "^ay", &export_path))
    return unknot_cli_export_history (export_path, stdout, stderr);
  if (g_variant_dict_lookup (options, "export-pack", "^ay", &pack_routine))
    return unknot_cli_export_pack (pack_routine, files, stdout, stderr);
  if (g_variant_dict_lookup (options, "handout", "^ay", &handout_routine))
    return unknot_cli_handout (handout_routine, files, stdout, stderr);

  if (g_variant_dict_contains (options, "speed") && !parse_speed (options, &speed))
    {
      g_printerr ("%s\n", _("The speed factor must be a number above 0 and at most 1000, "
                            "such as --speed 10."));
      return 2;
    }

  /* Everything else is for the window, in the primary instance. */
  return -1;
}

static GtkWindow *
get_or_create_window (UnknotApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (unknot_window_new (self));
  return window;
}

static int
unknot_application_command_line (GApplication            *application,
                                 GApplicationCommandLine *command_line)
{
  UnknotApplication *self = UNKNOT_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **files = NULL;
  g_autofree char *start = NULL;
  const char *show;
  UnknotWindow *window;
  double speed;

  if (parse_speed (options, &speed))
    unknot_application_set_speed (self, speed);

  window = UNKNOT_WINDOW (get_or_create_window (self));
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr (GFile) file =
        g_application_command_line_create_file_for_arg (command_line, files[i]);
      unknot_window_open_file (window, file);
    }

  if (g_variant_dict_lookup (options, "show", "&s", &show))
    unknot_window_show_routine_id (window, show);

  if (g_variant_dict_lookup (options, "start", "s", &start))
    {
      g_autoptr (GFile) file = NULL;

      if (unknot_library_lookup (self->library, start) == NULL)
        file = g_application_command_line_create_file_for_arg (command_line, start);
      if (!unknot_window_start (window, start, file))
        {
          g_application_command_line_printerr (command_line, "%s\n",
                                               _("No routine has this id and no such file "
                                                 "exists; see the library for the ids."));
          gtk_window_present (GTK_WINDOW (window));
          return 1;
        }
    }

  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

static void
unknot_application_activate (GApplication *application)
{
  gtk_window_present (get_or_create_window (UNKNOT_APPLICATION (application)));
}

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       data)
{
  UnknotApplication *self = data;
  g_autolist (GtkWindow) windows = NULL;

  /* A copy: a closed window leaves the application's own list, under the loop's feet. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  /* Closing each window lets it save its size and end a running session properly. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_application_quit (G_APPLICATION (self));
}

static void
on_preferences (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  UnknotApplication *self = data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  UnknotCuePlayer *player = unknot_application_get_cue_player (self);
  GtkWidget *page = unknot_preferences_page_new (
    self->settings, unknot_cue_player_get_speech_available (player), self->background);

  unknot_compat_present_preferences (parent, ADW_PREFERENCES_PAGE (page));
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       data)
{
  UnknotApplication *self = data;
  const char *developers[] = { _("Unknot contributors"), NULL };

  unknot_compat_present_about (gtk_application_get_active_window (GTK_APPLICATION (self)),
                             "application-name", _("Unknot"),
                             "application-icon", APPLICATION_ID,
                             "developer-name", _("Unknot contributors"),
                             "version", PACKAGE_VERSION,
                             "comments", _("Guided self-massage routines for runners: step by step, "
                                           "with a timer, chimes and spoken prompts."),
                             "website", "https://github.com/unknot/unknot",
                             "issue-url", "https://github.com/unknot/unknot/issues",
                             "developers", developers,
                             /* Translators: put your names here, one per line */
                             "translator-credits", _("translator-credits"),
                             "license-type", GTK_LICENSE_GPL_3_0,
                             NULL);
}

/* A reminder's "Start": the page of the routine it proposes. */
static void
on_show_routine (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  UnknotApplication *self = data;
  GtkWindow *window = get_or_create_window (self);

  unknot_window_show_routine_id (UNKNOT_WINDOW (window), g_variant_get_string (parameter, NULL));
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { UNKNOT_REMINDERS_SHOW_ACTION, on_show_routine, "s" },
  { "quit", on_quit },
  { "preferences", on_preferences },
  { "about", on_about },
};

/* One list of keyboard shortcuts; the shortcuts dialog (unknot-shortcuts-*.ui)
 * shows the accelerators of the same action names, so the two cannot drift apart. */
static const struct
{
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.fullscreen", { "F11", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.show-history", { "<Control>h", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "routine.print", { "<Control>p", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "player.toggle", { "space", NULL } },
  { "player.previous", { "Left", NULL } },
  { "player.next", { "Right", NULL } },
  { "player.stop", { "Escape", NULL } },
  { "player.add-time", { "plus", "KP_Add", NULL } },
  { "player.replay-demonstration", { "r", NULL } },
};

typedef struct
{
  UnknotHistory *history;
  GError *error;
} OpenedHistory;

/* On a thread of its own: checking a large history's integrity takes a while, and the
 * store has no tie to a main context, so it is handed to the main thread once open. */
static gpointer
open_history_in_thread (gpointer data)
{
  OpenedHistory *opened = g_new0 (OpenedHistory, 1);

  opened->history = unknot_history_new (NULL, &opened->error);
  return opened;
}

/* Takes the history opened on its thread; a damaged one is kept aside by the store, and
 * the user is told where. Without a history the routines still run, only unrecorded. */
static void
take_history (UnknotApplication *self,
              OpenedHistory     *opened)
{
  g_autoptr (GError) error = g_steal_pointer (&opened->error);
  const char *kept_aside;

  self->history = g_steal_pointer (&opened->history);
  g_free (opened);
  if (self->history == NULL)
    {
      g_queue_push_tail (&self->notices,
                         /* Translators: %s says why, such as "The history file … is locked by
                          * another program." */
                         g_strdup_printf (_("Your history cannot be opened, so sessions will not "
                                            "be recorded: %s"), error->message));
      return;
    }

  kept_aside = unknot_history_get_kept_aside_path (self->history);
  if (kept_aside != NULL)
    g_queue_push_tail (&self->notices,
                       /* Translators: %s is the path where the damaged history file now is */
                       g_strdup_printf (_("Your history was damaged. It was kept as %s and a new "
                                          "one was started."), kept_aside));
  else if (unknot_history_get_read_only (self->history))
    g_queue_push_tail (&self->notices,
                       g_strdup (_("Your history can only be read, so new sessions will not be "
                                   "recorded. Check the permissions of its folder.")));
}

/* The setting is a percentage; the player takes a fraction. */
static gboolean
percent_to_fraction (GValue   *value,
                     GVariant *variant,
                     gpointer  data)
{
  g_value_set_double (value, g_variant_get_int32 (variant) / 100.0);
  return TRUE;
}

static GVariant *
fraction_to_percent (const GValue       *value,
                     const GVariantType *type,
                     gpointer            data)
{
  return g_variant_new_int32 ((gint32) (g_value_get_double (value) * 100 + 0.5));
}

/* Said once, the first time a routine finds no sound output; the routine goes on. */
static void
on_audio_unavailable (UnknotCuePlayer   *player,
                      GError            *error,
                      UnknotApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_debug ("No audio output: %s", error->message);
  if (window != NULL)
    unknot_window_add_toast (UNKNOT_WINDOW (window),
                             _("No sound output was found: follow the cues on the screen."));
}

/* Made when first asked for (a routine starts, or the preferences ask whether speech
 * is there): initialising GStreamer reads its plugin registry, which opening the app
 * should not wait for. The player builds its pipelines only when its first routine
 * starts. */
static void
create_cue_player (UnknotApplication *self)
{
  self->cue_player = unknot_cue_player_new ();
  g_settings_bind_with_mapping (self->settings, "cue-volume", self->cue_player, "volume",
                                G_SETTINGS_BIND_GET, percent_to_fraction, fraction_to_percent,
                                NULL, NULL);
  /* Countdown ticks are switched on the session, which then sends no countdown cues at
   * all; the player plays every tick it is sent. */
  g_settings_bind (self->settings, "spoken-prompts", self->cue_player, "spoken-prompts",
                   G_SETTINGS_BIND_GET);
  g_signal_connect (self->cue_player, "audio-unavailable", G_CALLBACK (on_audio_unavailable), self);
}

static void
unknot_application_startup (GApplication *application)
{
  UnknotApplication *self = UNKNOT_APPLICATION (application);
  GThread *library_reader;
  GThread *history_opener;

  /* Routines are read, the history opened and the library's body map drawn on the
   * second core while GTK opens the display and loads its styles, which is most of what
   * starting up costs. */
  library_reader = unknot_library_new_default_in_thread ();
  history_opener = g_thread_new ("unknot-history", open_history_in_thread, NULL);
  unknot_body_figure_prepare_in_background ();

  G_APPLICATION_CLASS (unknot_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accelerators[i].action,
                                           accelerators[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
  self->settings = g_settings_new ("io.github.unknot.Unknot");
  self->library = g_thread_join (library_reader);
  take_history (self, g_thread_join (history_opener));
  /* While the window runs, it reminds, with the routines and history it has open. */
  self->reminders = unknot_reminders_new (application, self->settings, self->library,
                                          self->history);
  /* Asked again at each start, so the window knows whether the service may take over
   * when it closes. */
  self->background =
    unknot_background_permission_new (g_application_get_dbus_connection (application));
  if (unknot_reminders_get_enabled (self->reminders))
    unknot_background_permission_request (self->background);
}

static void
unknot_application_dispose (GObject *object)
{
  UnknotApplication *self = UNKNOT_APPLICATION (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->background);
  g_clear_object (&self->library);
  g_clear_object (&self->history);
  if (self->cue_player != NULL)
    g_settings_unbind (self->cue_player, "volume");
  g_clear_object (&self->cue_player);
  g_clear_object (&self->settings);
  g_queue_clear_full (&self->notices, g_free);
  g_clear_pointer (&self->last_notice, g_free);

  G_OBJECT_CLASS (unknot_application_parent_class)->dispose (object);
}

static void
unknot_application_class_init (UnknotApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = unknot_application_dispose;

  /* Linking from a static library drops an object file nobody calls into; asking for
   * the resource keeps the UI's resources (and their registration) in the program. */
  unknot_ui_get_resource ();

  app_class->handle_local_options = unknot_application_handle_local_options;
  app_class->command_line = unknot_application_command_line;
  app_class->activate = unknot_application_activate;
  app_class->startup = unknot_application_startup;
}

static void
unknot_application_init (UnknotApplication *self)
{
  self->speed = 1.0;
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Guided self-massage routines. With FILEs, opens "
                                              "those routine files to preview them."));
}

/* The catalogue of the build tree ($UNKNOT_LOCALE_DIR, for `meson devenv` and the
 * tests), else the installed one. Also the default domain, which the UI templates use. */
static void
bind_text_domain (void)
{
  const char *locale_dir = g_getenv ("UNKNOT_LOCALE_DIR");

  bindtextdomain (GETTEXT_PACKAGE,
                  locale_dir != NULL && *locale_dir != '\0' ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

UnknotApplication *
unknot_application_new (void)
{
  bind_text_domain ();
  return g_object_new (UNKNOT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/unknot/Unknot",
                       NULL);
}

/* Returns: (transfer none): the routines of the shipped and the user's folders. */
UnknotLibrary *
unknot_application_get_library (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);
  return self->library;
}

GSettings *
unknot_application_get_settings (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* The --speed factor: 1 normally, more to preview a routine quickly. */
double
unknot_application_get_speed (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), 1.0);
  return self->speed;
}

/* Returns: (transfer none) (nullable): the history, or %NULL if it could not be opened. */
UnknotHistory *
unknot_application_get_history (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);
  return self->history;
}

/* The next thing the user should be told about start-up (a damaged history …), once,
 * or %NULL; valid until the next call. */
const char *
unknot_application_next_notice (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  g_free (self->last_notice);
  self->last_notice = g_queue_pop_head (&self->notices);
  return self->last_notice;
}

/* How many times faster than real time routines run from now on (--speed). */
void
unknot_application_set_speed (UnknotApplication *self,
                              double             speed)
{
  g_return_if_fail (UNKNOT_IS_APPLICATION (self));
  g_return_if_fail (speed > 0);
  self->speed = speed;
}

/* Returns: (transfer none): the player of cue sounds and spoken prompts. */
UnknotCuePlayer *
unknot_application_get_cue_player (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  if (self->cue_player == NULL)
    create_cue_player (self);
  return self->cue_player;
}

/* Something changed what a reminder would say: a routine started or ended. */
void
unknot_application_update_reminders (UnknotApplication *self)
{
  g_return_if_fail (UNKNOT_IS_APPLICATION (self));

  if (self->reminders != NULL)
    unknot_reminders_update (self->reminders);
}

/* Whether the reminder service should take over once the window has closed: reminders
 * are on and the desktop allows them in the background. Only the app has reminders: a
 * launcher that handed its command line to it never started up. */
gboolean
unknot_application_get_hands_over_to_service (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), FALSE);

  return self->reminders != NULL && unknot_reminders_get_enabled (self->reminders)
         && unknot_background_permission_wait (self->background, 1000);
}
