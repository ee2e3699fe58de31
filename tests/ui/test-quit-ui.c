/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <gio/gio.h>

#include "unknot-notification-service.h"
#include "unknot-portal-service.h"
#include "unknot-session-manager-service.h"
#include "unknot-test-utils.h"
#include "unknot-xtest.h"

/* Quitting with Ctrl+Q, typed on a real keyboard as far as the app can tell (XTEST), from
 * every page and during a run: the built program must end with status 0 and say nothing
 * on the way, under G_DEBUG=fatal-warnings, where any GTK warning or critical would end
 * it with a core dump instead. After a run, the program's own --export-history shows
 * what the history kept: the run, or nothing of a preview at another speed. The program runs as a user runs it, in a process of its
 * own, so its exit status is its own; it says which page it shows in its debug messages.
 * This process plays the desktop's notification and session services for it. */

#define TIMEOUT_MS 30000

/* One connection for all cases: it keeps the X server from resetting between them. */
static UnknotXTest *xtest;

/* Line 3: an unknown region. */
static const char broken_routine[] =
  "<routine format='1' id='broken'><name>Broken</name><description>d</description>\n"
  "<prepare duration='2s'/>\n"
  "<step region='calfs' technique='petrissage' duration='1s'>"
  "<title>Knead</title><instructions>i</instructions></step></routine>\n";

static const char short_routine[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<routine format=\"1\" id=\"two-seconds\">\n"
  "  <name>Two seconds</name>\n"
  "  <description>Ends at once, for the summary.</description>\n"
  "  <prepare duration=\"0s\"/>\n"
  "  <step region=\"calves\" technique=\"petrissage\" duration=\"1s\">\n"
  "    <title>One</title><instructions>Squeeze.</instructions>\n"
  "  </step>\n"
  "  <step region=\"feet\" technique=\"friction\" duration=\"1s\">\n"
  "    <title>Two</title><instructions>Rub.</instructions>\n"
  "  </step>\n"
  "</routine>\n";

typedef struct
{
  char *home;
  GSubprocess *process;
  GDataInputStream *output;
  GString *log;          /* all it printed so far */
  gboolean reading;
  gboolean at_end;
} App;

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  App *app = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (app->output, result, NULL,
                                                                      &error);

  app->reading = FALSE;
  if (line == NULL)
    {
      app->at_end = TRUE;
      return;
    }
  g_string_append_printf (app->log, "%s\n", line);
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;
  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Reads what the app prints until it has printed @text, or to its end for NULL. */
static gboolean
read_until (App        *app,
            const char *text)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (TIMEOUT_MS, on_timeout, &timed_out);

  while (!timed_out && !app->at_end && (text == NULL || strstr (app->log->str, text) == NULL))
    {
      if (!app->reading)
        {
          app->reading = TRUE;
          g_data_input_stream_read_line_async (app->output, G_PRIORITY_DEFAULT, NULL, on_line,
                                               app);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  while (app->reading)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  return text == NULL ? app->at_end : strstr (app->log->str, text) != NULL;
}

static void
app_launch (App               *app,
            const char *const *arguments)
{
  const char *binary = g_getenv ("UNKNOT_BINARY");
  const char *folders[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                            "XDG_STATE_HOME" };
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (binary);
  app->home = unknot_test_make_folder ("unknot-quit");
  app->log = g_string_new (NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (app->home, folders[i], NULL);
      g_subprocess_launcher_setenv (launcher, folders[i], folder, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-warnings", TRUE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "Unknot", TRUE);

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);
  app->process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata,
                                               &error);
  g_assert_no_error (error);
  app->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (app->process));
}

static void
app_clear (App *app)
{
  if (app->process != NULL && !g_subprocess_get_if_exited (app->process)
      && !g_subprocess_get_if_signaled (app->process))
    g_subprocess_force_exit (app->process);
  g_clear_object (&app->output);
  g_clear_object (&app->process);
  if (app->log != NULL)
    g_string_free (app->log, TRUE);
  unknot_test_remove_folder (app->home);
  g_free (app->home);
}

static void
on_slept (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static gulong
wait_for_window (App *app)
{
  GPid pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (app->process), NULL, 10);
  gulong window = 0;

  /* The main loop turns meanwhile: this process answers the app's D-Bus calls. */
  for (guint waited = 0; waited < TIMEOUT_MS && window == 0; waited += 50)
    {
      gboolean slept = FALSE;

      window = unknot_xtest_find_window (xtest, pid);
      if (window != 0)
        break;
      g_timeout_add_once (50, on_slept, &slept);
      while (!slept)
        g_main_context_iteration (NULL, TRUE);
    }
  /* What the app said before it died or while it hung says why. */
  if (window == 0)
    {
      g_subprocess_force_exit (app->process);
      read_until (app, NULL);
      g_test_message ("the app printed:\n%s", app->log->str);
    }
  g_assert_cmpuint (window, !=, 0);
  return window;
}

/* The page the app said it shows, in its own words: "Showing the history page". */
static char *
page_line (const char *page)
{
  return g_strdup_printf ("Showing the %s page", page);
}

static void
wait_for_page (App        *app,
               const char *page)
{
  g_autofree char *line = page_line (page);

  if (!read_until (app, line))
    g_error ("The app never showed its %s page. It printed:\n%s", page, app->log->str);
}

/* Types Ctrl+Q into the app's window and checks how the app ends. */
static void
quit_and_check (App    *app,
                gulong  window)
{
  g_autoptr (GError) error = NULL;

  unknot_xtest_focus (xtest, window);
  unknot_xtest_press (xtest, "<Control>q");
  g_assert_true (read_until (app, NULL));
  g_subprocess_wait (app->process, NULL, &error);
  g_assert_no_error (error);

  g_test_message ("The app printed:\n%s", app->log->str);
  if (g_subprocess_get_if_signaled (app->process))
    g_test_message ("It ended on signal %d.", g_subprocess_get_term_sig (app->process));
  g_assert_false (g_subprocess_get_if_signaled (app->process));
  g_assert_true (g_subprocess_get_if_exited (app->process));
  g_assert_cmpint (g_subprocess_get_exit_status (app->process), ==, 0);
  g_assert_null (strstr (app->log->str, "WARNING"));
  g_assert_null (strstr (app->log->str, "CRITICAL"));
}

typedef struct
{
  const char *name;
  const char *arguments[4]; /* FILE stands for the short routine's file, BROKEN for a
                             * routine file with a problem */
  const char *keys_on;      /* the page on which to type @keys first, or NULL */
  const char *keys;
  const char *page;         /* the page to quit from */
} QuitCase;

static void
test_quit (gconstpointer data)
{
  const QuitCase *quit = data;
  g_autofree char *folder = unknot_test_make_folder ("unknot-quit-routine");
  g_autofree char *file = g_build_filename (folder, "two-seconds.xml", NULL);
  g_autofree char *broken = g_build_filename (folder, "broken.xml", NULL);
  const char *arguments[G_N_ELEMENTS (quit->arguments) + 1] = { NULL };
  App app = { NULL };
  gulong window;

  unknot_test_write_file (folder, "two-seconds.xml", short_routine);
  unknot_test_write_file (folder, "broken.xml", broken_routine);
  for (guint i = 0; quit->arguments[i] != NULL; i++)
    arguments[i] = g_str_equal (quit->arguments[i], "FILE")   ? file
                 : g_str_equal (quit->arguments[i], "BROKEN") ? broken
                 : quit->arguments[i];

  app_launch (&app, arguments);
  window = wait_for_window (&app);
  unknot_xtest_focus (xtest, window);
  if (quit->keys_on != NULL)
    {
      wait_for_page (&app, quit->keys_on);
      unknot_xtest_focus (xtest, window);
      unknot_xtest_press (xtest, quit->keys);
    }
  wait_for_page (&app, quit->page);
  quit_and_check (&app, window);

  app_clear (&app);
  unknot_test_remove_folder (folder);
}

/* The CSV the app's own `--export-history -` writes of the history @app left. */
static char *
export_history (App *app)
{
  const char *folders[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME" };
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  char *csv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (app->home, folders[i], NULL);
      g_subprocess_launcher_setenv (launcher, folders[i], folder, TRUE);
    }
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("UNKNOT_BINARY"),
                                         "--export-history", "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return csv;
}

/* RFC 4180 ends lines with CR LF. */
#define CSV_HEADER "started_at,finished_at,routine_id,routine_name,status,planned_seconds," \
                   "active_seconds,steps_completed,steps_total,rating,regions," \
                   "after_run\r\n"

/* Runs the short routine in the program at @speed to its summary, quits with Ctrl+Q,
 * and returns what the program's own export then says of the history. */
static char *
run_and_export (const char *speed)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-quit-routine");
  g_autofree char *file = g_build_filename (folder, "two-seconds.xml", NULL);
  const char *arguments[] = { "--speed", speed, "--start", file, NULL };
  App app = { NULL };
  gulong window;
  char *csv;

  unknot_test_write_file (folder, "two-seconds.xml", short_routine);
  app_launch (&app, arguments);
  window = wait_for_window (&app);
  wait_for_page (&app, "summary");
  quit_and_check (&app, window);
  csv = export_history (&app);
  g_test_message ("The export at speed %s:\n%s", speed, csv);

  app_clear (&app);
  unknot_test_remove_folder (folder);
  return csv;
}

/* A run at speed 1 is in the history, whole, with the columns added last. */
static void
test_run_recorded (void)
{
  g_autofree char *csv = run_and_export ("1");
  g_auto (GStrv) lines = g_strsplit (csv, "\r\n", -1);

  g_assert_true (g_str_has_prefix (csv, CSV_HEADER));
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_nonnull (strstr (lines[1], ",two-seconds,Two seconds,completed,"));
  g_assert_true (g_str_has_suffix (lines[1], ",2,2,,calves;feet,"));
}

/* A run at another speed is a preview: the program records nothing of it. */
static void
test_preview_not_recorded (void)
{
  g_autofree char *csv = run_and_export ("30");

  g_assert_cmpstr (csv, ==, CSV_HEADER);
}

static const QuitCase cases[] = {
  { "library", { NULL }, NULL, NULL, "library" },
  { "routine", { "FILE", NULL }, NULL, NULL, "routine" },
  /* Its problems listed, each row with its button to open the file in an editor. */
  { "routine-problem", { "BROKEN", NULL }, NULL, NULL, "routine" },
  { "history", { NULL }, "library", "<Control>h", "history" },
  { "running", { "--start", "post-run-recovery", NULL }, NULL, NULL, "player" },
  { "paused", { "--start", "post-run-recovery", NULL }, "player", "space", "player" },
  { "summary", { "--start", "FILE", NULL }, NULL, NULL, "summary" },
};

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The desktop services a run uses, on the private D-Bus session the app shares: a
   * run asks to keep the screen awake, and notifies when its window is not in front. */
  unknot_notification_service_start ();
  unknot_session_manager_service_start ();
  /* Newer GTK reads the desktop's settings and inhibits through the portal where one can
   * be activated, as on the tests' bus; without an answer it warns, and the warning is
   * fatal. */
  unknot_portal_service_start ();
  xtest = unknot_xtest_open ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/quit/ctrl-q/", cases[i].name, NULL);
      g_test_add_data_func (path, &cases[i], test_quit);
    }
  g_test_add_func ("/quit/history/run-recorded", test_run_recorded);
  g_test_add_func ("/quit/history/preview-not-recorded", test_preview_not_recorded);
  status = g_test_run ();
  unknot_xtest_close (xtest);
  return status;
}
