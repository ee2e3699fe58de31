/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "unknot-reminder-service.h"
#include "unknot-reminders.h"

/* `unknot --gapplication-service`: the app without a window, started at login through
 * the Background portal, that only sends reminders. It holds no display, no GTK and no
 * routines until a reminder is due, so waiting costs next to nothing.
 *
 * It owns the application's name on the bus, so when the window is wanted (the reminder's
 * "Start", or `unknot` launched meanwhile, which finds this instance) it hands over: it
 * quits, and main() executes the full app in its place with the command line kept in
 * unknot_reminder_service_get_handover(). The window sends reminders itself while open. */
struct _UnknotReminderService
{
  GApplication parent_instance;

  GSettings *settings;
  UnknotReminders *reminders;
  gboolean held;
  char **handover;  /* argv for the window, once asked for */
};

G_DEFINE_FINAL_TYPE (UnknotReminderService, unknot_reminder_service, G_TYPE_APPLICATION)

/* Stay while there is something to remind of; without, let the service end. */
static void
update_hold (UnknotReminderService *self)
{
  gboolean enabled = unknot_reminders_get_enabled (self->reminders);

  if (enabled && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!enabled && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = enabled;
}

static void
hand_over (UnknotReminderService  *self,
           char                  **argv)
{
  g_strfreev (self->handover);
  self->handover = argv;
  g_application_quit (G_APPLICATION (self));
}

static void
on_show_routine (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  g_strv_builder_add_many (builder, "unknot", "--show", g_variant_get_string (parameter, NULL),
                           NULL);
  hand_over (data, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
}

static void
unknot_reminder_service_startup (GApplication *application)
{
  static const GActionEntry actions[] = {
    { UNKNOT_REMINDERS_SHOW_ACTION, on_show_routine, "s" },
  };
  UnknotReminderService *self = UNKNOT_REMINDER_SERVICE (application);

  G_APPLICATION_CLASS (unknot_reminder_service_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  self->settings = g_settings_new (APPLICATION_ID);
  self->reminders = unknot_reminders_new (application, self->settings, NULL, NULL);
  g_signal_connect_swapped (self->settings, "changed::reminder-days", G_CALLBACK (update_hold),
                            self);
  update_hold (self);
}

static void
unknot_reminder_service_activate (GApplication *application)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  g_strv_builder_add (builder, "unknot");
  hand_over (UNKNOT_REMINDER_SERVICE (application), g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
}

/* GApplication gives the primary instance the options it parsed in the launcher as a
 * dictionary, not as the words typed: they are written back as such, "--speed 2", after
 * a "--" that ends the options the file names given. */
static void
add_options (GStrvBuilder *builder,
             GVariant     *options)
{
  g_autoptr (GVariant) remaining = NULL;
  GVariantIter iter;
  const char *name;
  GVariant *value;

  g_variant_iter_init (&iter, options);
  while (g_variant_iter_loop (&iter, "{&sv}", &name, &value))
    {
      g_autofree char *option = g_strconcat ("--", name, NULL);

      if (g_str_equal (name, G_OPTION_REMAINING))
        remaining = g_variant_ref (value);
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        g_strv_builder_add (builder, option);
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        g_strv_builder_add_many (builder, option, g_variant_get_string (value, NULL), NULL);
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING))
        g_strv_builder_add_many (builder, option, g_variant_get_bytestring (value), NULL);
    }
  if (remaining != NULL && g_variant_is_of_type (remaining, G_VARIANT_TYPE_BYTESTRING_ARRAY))
    {
      g_autofree const char **files = g_variant_get_bytestring_array (remaining, NULL);

      g_strv_builder_add (builder, "--");
      g_strv_builder_addv (builder, (const char **) files);
    }
}

/* `unknot …` started while the service runs: the window takes the same command line,
 * from the folder it was given in. */
static int
unknot_reminder_service_command_line (GApplication            *application,
                                      GApplicationCommandLine *command_line)
{
  const char *cwd = g_application_command_line_get_cwd (command_line);
  g_autoptr (GVariant) options = g_variant_ref_sink (
    g_variant_dict_end (g_application_command_line_get_options_dict (command_line)));
  GStrvBuilder *builder = g_strv_builder_new ();

  g_strv_builder_add (builder, "unknot");
  add_options (builder, options);
  if (cwd != NULL && g_chdir (cwd) != 0)
    g_debug ("Cannot change to %s", cwd);
  hand_over (UNKNOT_REMINDER_SERVICE (application), g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
  return 0;
}

static void
unknot_reminder_service_dispose (GObject *object)
{
  UnknotReminderService *self = UNKNOT_REMINDER_SERVICE (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (unknot_reminder_service_parent_class)->dispose (object);
}

static void
unknot_reminder_service_finalize (GObject *object)
{
  g_strfreev (UNKNOT_REMINDER_SERVICE (object)->handover);

  G_OBJECT_CLASS (unknot_reminder_service_parent_class)->finalize (object);
}

static void
unknot_reminder_service_class_init (UnknotReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = unknot_reminder_service_dispose;
  object_class->finalize = unknot_reminder_service_finalize;
  app_class->startup = unknot_reminder_service_startup;
  app_class->activate = unknot_reminder_service_activate;
  app_class->command_line = unknot_reminder_service_command_line;
}

static void
unknot_reminder_service_init (UnknotReminderService *self)
{
}

/* As the window does (unknot-application.c): the build tree's catalogue for the tests,
 * else the installed one; the notification speaks the user's language. */
static void
bind_text_domain (void)
{
  const char *locale_dir = g_getenv ("UNKNOT_LOCALE_DIR");

  bindtextdomain (GETTEXT_PACKAGE,
                  locale_dir != NULL && *locale_dir != '\0' ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

UnknotReminderService *
unknot_reminder_service_new (void)
{
  bind_text_domain ();
  /* A while without reminders before it ends: time for a launcher's call to arrive. */
  return g_object_new (UNKNOT_TYPE_REMINDER_SERVICE,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "inactivity-timeout", 3000,
                       NULL);
}

/* Returns: (transfer none) (nullable): the command line to run the window with, once the
 * service has quit to hand over to it. */
char **
unknot_reminder_service_get_handover (UnknotReminderService *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDER_SERVICE (self), NULL);
  return self->handover;
}
