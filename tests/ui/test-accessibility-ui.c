/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <gio/gio.h>

#include "unknot-at-client.h"
#include "unknot-notification-service.h"
#include "unknot-portal-service.h"
#include "unknot-session-manager-service.h"
#include "unknot-test-utils.h"
#include "unknot-xtest.h"

/* The app as a screen reader meets it: the built program runs in a process of its own
 * with the accessibility bus up, and this process walks its tree over AT-SPI, as Orca
 * does, on the library, routine, player and summary pages. Keys are typed through the
 * X server (XTEST), as a keyboard types them. */

#define TIMEOUT_MS 30000

static UnknotXTest *xtest;

static const char routine_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<routine format=\"1\" id=\"two-steps\">\n"
  "  <name>Two steps</name>\n"
  "  <description>Two steps, long enough to look at.</description>\n"
  "  <prepare duration=\"0s\"/>\n"
  "  <step region=\"calves\" technique=\"petrissage\" duration=\"%s\">\n"
  "    <title>Knead the calf</title><instructions>Squeeze.</instructions>\n"
  "  </step>\n"
  "  <step region=\"feet\" technique=\"friction\" duration=\"%s\">\n"
  "    <title>Rub the feet</title><instructions>Rub.</instructions>\n"
  "  </step>\n"
  "</routine>\n";

typedef struct
{
  char *home;
  char *file;         /* the two-step routine */
  GSubprocess *process;
  GDataInputStream *output;
  GString *log;
  gboolean reading, at_end;
  gulong window;
  AtspiAccessible *application;
  AtspiAccessible *frame;
} App;

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  App *app = data;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (app->output, result, NULL,
                                                                      NULL);

  app->reading = FALSE;
  if (line == NULL)
    app->at_end = TRUE;
  else
    g_string_append_printf (app->log, "%s\n", line);
}

static void
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Reads what the app prints until it says it shows @page. */
static void
wait_for_page (App        *app,
               const char *page)
{
  g_autofree char *line = g_strdup_printf ("Showing the %s page", page);
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_once (TIMEOUT_MS, on_timeout, &timed_out);

  while (!timed_out && !app->at_end && strstr (app->log->str, line) == NULL)
    {
      if (!app->reading)
        {
          app->reading = TRUE;
          g_data_input_stream_read_line_async (app->output, G_PRIORITY_DEFAULT, NULL, on_line,
                                               app);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (timeout);
  if (strstr (app->log->str, line) == NULL)
    g_error ("The app never showed its %s page. It printed:\n%s", page, app->log->str);
}

static void
app_launch (App               *app,
            const char        *step_duration,
            const char *const *arguments)
{
  const char *folders[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                            "XDG_STATE_HOME" };
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = g_strdup_printf (routine_xml, step_duration, step_duration);
  GPid pid;

  app->home = unknot_test_make_folder ("unknot-a11y");
  unknot_test_write_file (app->home, "two-steps.xml", xml);
  app->file = g_build_filename (app->home, "two-steps.xml", NULL);
  app->log = g_string_new (NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (app->home, folders[i], NULL);
      g_subprocess_launcher_setenv (launcher, folders[i], folder, TRUE);
    }
  /* The other UI tests switch accessibility off; this one is about it. */
  g_subprocess_launcher_unsetenv (launcher, "GTK_A11Y");
  g_subprocess_launcher_unsetenv (launcher, "NO_AT_BRIDGE");
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "Unknot", TRUE);

  g_ptr_array_add (argv, (gpointer) g_getenv ("UNKNOT_BINARY"));
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) (g_str_equal (arguments[i], "FILE") ? app->file
                                                                          : arguments[i]));
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[0]);
  app->process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata,
                                               &error);
  g_assert_no_error (error);
  app->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (app->process));

  pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (app->process), NULL, 10);
  for (guint waited = 0; waited < TIMEOUT_MS && app->window == 0; waited += 50)
    {
      app->window = unknot_xtest_find_window (xtest, pid);
      if (app->window == 0)
        unknot_at_sleep (50);
    }
  g_assert_cmpuint (app->window, !=, 0);
  app->application = unknot_at_find_application (pid);
  app->frame = unknot_at_get_frame (app->application);
  g_assert_nonnull (app->frame);
}

static void
app_clear (App *app)
{
  g_test_message ("The app printed:\n%s", app->log->str);
  g_subprocess_force_exit (app->process);
  g_subprocess_wait (app->process, NULL, NULL);
  g_clear_object (&app->frame);
  g_clear_object (&app->application);
  g_clear_object (&app->output);
  g_clear_object (&app->process);
  g_string_free (app->log, TRUE);
  unknot_test_remove_folder (app->home);
  g_free (app->home);
  g_free (app->file);
}

static void
press (App        *app,
       const char *keys)
{
  unknot_xtest_focus (xtest, app->window);
  unknot_xtest_press (xtest, keys);
}

/* Waits until the window's accessible name, its title, is @title. */
static void
assert_title (App        *app,
              const char *title)
{
  g_autofree char *name = NULL;

  for (guint waited = 0; waited < TIMEOUT_MS; waited += 100)
    {
      g_free (name);
      name = unknot_at_get_name (app->frame);
      if (g_str_equal (name, title))
        return;
      unknot_at_sleep (100);
    }
  g_assert_cmpstr (name, ==, title);
}

/* "Start Start": a name said twice over, as a label's text and again. */
static gboolean
is_doubled (const char *name)
{
  gsize length = strlen (name);

  return length % 2 == 1 && name[length / 2] == ' '
         && strncmp (name, name + length / 2 + 1, length / 2) == 0;
}

/* Every button and toggle on screen has one name that says what it does: not empty, not
 * its mnemonic's underscore, not said twice, not its role or its widget type; and no
 * label is read as its type's name. */
static void
assert_names (App *app)
{
  g_autoptr (GPtrArray) showing = unknot_at_collect_showing (app->frame);
  guint n_buttons = 0;

  for (guint i = 0; i < showing->len; i++)
    {
      AtspiAccessible *accessible = showing->pdata[i];
      AtspiRole role = atspi_accessible_get_role (accessible, NULL);
      g_autofree char *name = unknot_at_get_name (accessible);
      g_autofree char *role_name = atspi_accessible_get_role_name (accessible, NULL);

      if (role == ATSPI_ROLE_LABEL)
        {
          g_test_message ("label: \"%s\"", name);
          g_assert_cmpstr (name, !=, "GtkLabel");
        }
      if (role != ATSPI_ROLE_PUSH_BUTTON && role != ATSPI_ROLE_TOGGLE_BUTTON
          && role != ATSPI_ROLE_CHECK_BOX)
        continue;
      g_test_message ("%s: \"%s\"", role_name, name);
      n_buttons++;
      g_assert_cmpstr (name, !=, "");
      g_assert_null (strchr (name, '_'));
      g_assert_false (is_doubled (name));
      g_assert_cmpstr (name, !=, role_name);
      g_assert_false (g_str_has_prefix (name, "Gtk"));
      g_assert_false (g_str_has_prefix (name, "Adw"));
    }
  g_assert_cmpuint (n_buttons, >, 0);
}

/* A region's toggle: a toggle button, or, on GTK 4.8, which has no such role, a check
 * box. */
static gboolean
is_toggle (AtspiAccessible *accessible)
{
  AtspiRole role = atspi_accessible_get_role (accessible, NULL);

  return role == ATSPI_ROLE_TOGGLE_BUTTON || role == ATSPI_ROLE_CHECK_BOX;
}

/* A toggle's state, as GTK gives it: pressed, or checked. */
static gboolean
is_on (AtspiAccessible *toggle)
{
  return unknot_at_has_state (toggle, ATSPI_STATE_PRESSED)
         || unknot_at_has_state (toggle, ATSPI_STATE_CHECKED);
}

/* The library: its names, its title, and a body map a keyboard and a screen reader can
 * use: one toggle per region, Tab into it, arrows between regions, Space to filter. */
static void
test_library (void)
{
  App app = { NULL };
  g_autoptr (UnknotAtAccessible) map = NULL;
  g_autoptr (UnknotAtAccessible) calves = NULL;
  g_autoptr (UnknotAtAccessible) focused = NULL;
  g_autofree char *focused_name = NULL;
  g_autoptr (GPtrArray) regions = NULL;
  guint n_regions = 0;

  app_launch (&app, "30s", (const char *[]) { NULL });
  wait_for_page (&app, "library");
  assert_title (&app, "Library — Unknot");
  assert_names (&app);

  /* A group: a panel to GTK 4.8, a grouping to newer GTK. */
  map = unknot_at_find (app.frame, ATSPI_ROLE_PANEL, "Body map");
  if (map == NULL)
    map = unknot_at_find (app.frame, ATSPI_ROLE_GROUPING, "Body map");
  g_assert_nonnull (map);
  regions = unknot_at_collect_showing (map);
  for (guint i = 0; i < regions->len; i++)
    if (is_toggle (regions->pdata[i]))
      n_regions++;
  g_assert_cmpuint (n_regions, ==, 20);
  for (guint i = 0; i < regions->len && calves == NULL; i++)
    {
      g_autofree char *name = unknot_at_get_name (regions->pdata[i]);
      if (is_toggle (regions->pdata[i]) && g_str_equal (name, "Calves"))
        calves = g_object_ref (regions->pdata[i]);
    }
  g_assert_nonnull (calves);
  g_assert_false (is_on (calves));

  /* Pressed by the screen reader's action: checked, and the library filtered. */
  unknot_at_click (calves);
  for (guint waited = 0; waited < TIMEOUT_MS; waited += 100)
    if (is_on (calves))
      break;
    else
      unknot_at_sleep (100);
  g_assert_true (is_on (calves));
  unknot_at_click (calves);
  unknot_at_sleep (300);
  g_assert_false (is_on (calves));

  /* By keyboard: Tab reaches a region; the arrow moves to another; Space selects it. */
  for (guint tabs = 0; tabs < 30; tabs++)
    {
      g_clear_object (&focused);
      press (&app, "Tab");
      unknot_at_sleep (100);
      focused = unknot_at_find_focused (app.frame);
      if (focused != NULL && is_toggle (focused))
        {
          g_autoptr (UnknotAtAccessible) parent = atspi_accessible_get_parent (focused, NULL);
          g_autofree char *parent_name = parent ? unknot_at_get_name (parent) : g_strdup ("");
          if (g_str_has_prefix (parent_name, "Body map"))
            break;
        }
    }
  g_assert_nonnull (focused);
  focused_name = unknot_at_get_name (focused);
  g_test_message ("Tab reached the region %s", focused_name);
  press (&app, "Right");
  unknot_at_sleep (300);
  g_clear_object (&focused);
  focused = unknot_at_find_focused (app.frame);
  g_assert_nonnull (focused);
  g_assert_true (is_toggle (focused));
  {
    g_autofree char *next_name = unknot_at_get_name (focused);
    g_test_message ("Right moved to the region %s", next_name);
    g_assert_cmpstr (next_name, !=, focused_name);
  }
  g_assert_false (is_on (focused));
  press (&app, "space");
  unknot_at_sleep (300);
  g_assert_true (is_on (focused));
  {
    g_autofree char *map_name = unknot_at_get_name (map);
    g_autofree char *region_name = unknot_at_get_name (focused);
    g_assert_nonnull (strstr (map_name, region_name));
  }

  app_clear (&app);
}

/* Typed as a keyboard types: Ctrl+F, a word, Enter opens the only routine found, with
 * the focus on Start, so a second Enter starts it. */
static void
test_search_enter (void)
{
  App app = { NULL };
  const char *word[] = { "p", "l", "a", "n", "t", "a", "r" };

  app_launch (&app, "30s", (const char *[]) { NULL });
  wait_for_page (&app, "library");
  press (&app, "<Control>f");
  unknot_at_sleep (300);
  for (guint i = 0; i < G_N_ELEMENTS (word); i++)
    press (&app, word[i]);
  press (&app, "Return");
  wait_for_page (&app, "routine");
  assert_title (&app, "Feet and plantar fascia — Unknot");
  unknot_at_sleep (300);
  press (&app, "Return");
  wait_for_page (&app, "player");
  assert_title (&app, "Feet and plantar fascia, running — Unknot");

  app_clear (&app);
}

/* The routine page: its names, its title, and the keyboard's focus on Start. */
static void
test_routine (void)
{
  App app = { NULL };
  g_autoptr (UnknotAtAccessible) focused = NULL;
  g_autofree char *name = NULL;

  app_launch (&app, "30s", (const char *[]) { "FILE", NULL });
  wait_for_page (&app, "routine");
  assert_title (&app, "Two steps — Unknot");
  assert_names (&app);

  for (guint waited = 0; waited < TIMEOUT_MS && focused == NULL; waited += 100)
    {
      focused = unknot_at_find_focused (app.frame);
      if (focused == NULL)
        unknot_at_sleep (100);
    }
  g_assert_nonnull (focused);
  name = unknot_at_get_name (focused);
  g_assert_cmpstr (name, ==, "Start");

  app_clear (&app);
}

typedef struct
{
  AtspiAccessible *status; /* the live status line, once found */
  GPtrArray *said;         /* its names, as the events brought them */
} Announcements;

static void
on_name_changed (AtspiEvent *event,
                 gpointer    data)
{
  Announcements *announcements = data;

  if (atspi_accessible_get_role (event->source, NULL) != ATSPI_ROLE_STATUS_BAR)
    return;
  if (G_VALUE_HOLDS_STRING (&event->any_data))
    g_ptr_array_add (announcements->said, g_value_dup_string (&event->any_data));
}

static gboolean
was_said (Announcements *announcements,
          const char    *text)
{
  for (guint i = 0; i < announcements->said->len; i++)
    if (strstr (announcements->said->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static void
wait_until_said (Announcements *announcements,
                 const char    *text)
{
  for (guint waited = 0; waited < TIMEOUT_MS && !was_said (announcements, text); waited += 100)
    unknot_at_sleep (100);
  for (guint i = 0; i < announcements->said->len; i++)
    g_test_message ("announced: %s", (char *) announcements->said->pdata[i]);
  g_assert_true (was_said (announcements, text));
}

/* The player: names, a title of its own, a play button that says what it will do, and
 * a status line whose changes the screen reader receives at a step, and at a pause. */
static void
test_player (void)
{
  App app = { NULL };
  Announcements announcements = { NULL, g_ptr_array_new_with_free_func (g_free) };
  g_autoptr (UnknotAtEventListener) listener =
    atspi_event_listener_new (on_name_changed, &announcements, NULL);
  g_autoptr (UnknotAtAccessible) pause = NULL;
  g_autoptr (UnknotAtAccessible) resume = NULL;
  g_autoptr (UnknotAtAccessible) status = NULL;
  g_autoptr (GError) error = NULL;

  atspi_event_listener_register (listener, "object:property-change:accessible-name", &error);
  g_assert_no_error (error);

  app_launch (&app, "30s", (const char *[]) { "--start", "FILE", NULL });
  wait_for_page (&app, "player");
  assert_title (&app, "Two steps, running — Unknot");
  assert_names (&app);

  status = unknot_at_find (app.frame, ATSPI_ROLE_STATUS_BAR, "");
  g_assert_nonnull (status);
  {
    g_autofree char *name = unknot_at_get_name (status);
    g_assert_nonnull (strstr (name, "Knead the calf"));
  }

  pause = unknot_at_find (app.frame, ATSPI_ROLE_PUSH_BUTTON, "Pause");
  g_assert_nonnull (pause);
  press (&app, "space");
  wait_until_said (&announcements, "Paused");
  resume = unknot_at_find (app.frame, ATSPI_ROLE_PUSH_BUTTON, "Resume");
  g_assert_nonnull (resume);
  g_assert_null (unknot_at_find (app.frame, ATSPI_ROLE_PUSH_BUTTON, "Pause"));
  press (&app, "space");
  wait_until_said (&announcements, "Resumed");

  /* The next step: the screen reader hears its number and title. */
  press (&app, "Right");
  wait_until_said (&announcements, "Step 2 of 2: Rub the feet");

  atspi_event_listener_deregister (listener, "object:property-change:accessible-name", NULL);
  g_ptr_array_unref (announcements.said);
  app_clear (&app);
}

/* The summary, at the end of a short run: names and a title of its own. */
static void
test_summary (void)
{
  App app = { NULL };

  app_launch (&app, "1s", (const char *[]) { "--start", "FILE", NULL });
  wait_for_page (&app, "summary");
  assert_title (&app, "Summary of Two steps — Unknot");
  assert_names (&app);
  app_clear (&app);
}

/* The AT-SPI client library warns when an object it asks for is not there, as the
 * registry's cache is not: a screen reader lives with that, and so does this test, whose
 * warnings are not fatal (the app's, in its own process, are). The library's are shown
 * as test messages. */
static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN") && g_strcmp0 (fields[i].value, "dbind") == 0)
      {
        g_test_message ("the AT-SPI client library warns: %s",
                        g_log_writer_format_fields (level, fields, n_fields, FALSE));
        return G_LOG_WRITER_HANDLED;
      }
  return g_log_writer_default (level, fields, n_fields, data);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (write_log, NULL, NULL);
  unknot_notification_service_start ();
  unknot_session_manager_service_start ();
  unknot_portal_service_start ();
  xtest = unknot_xtest_open ();
  unknot_at_bus_start ();

  g_test_add_func ("/accessibility/library", test_library);
  g_test_add_func ("/accessibility/routine", test_routine);
  g_test_add_func ("/accessibility/search-enter", test_search_enter);
  g_test_add_func ("/accessibility/player", test_player);
  g_test_add_func ("/accessibility/summary", test_summary);
  status = g_test_run ();

  unknot_at_bus_stop ();
  unknot_xtest_close (xtest);
  return status;
}
