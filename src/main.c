/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <unistd.h>

#include "unknot-application.h"
#include "unknot-reminder-service.h"

static gboolean
is_service (int    argc,
            char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--gapplication-service"))
      return TRUE;
  return FALSE;
}

/* The headless reminder service; when the window is asked for, this process becomes the
 * full app, with the command line the service kept for it. */
static int
run_service (int    argc,
             char **argv)
{
  g_autoptr (UnknotReminderService) service = unknot_reminder_service_new ();
  int status = g_application_run (G_APPLICATION (service), argc, argv);
  g_auto (GStrv) handover = g_strdupv (unknot_reminder_service_get_handover (service));

  /* Gone first, and its name on the bus with it, so the window can take the name. */
  g_clear_object (&service);
  if (handover == NULL || handover[0] == NULL)
    return status;
  /* The program this process was started as, wherever it lies. */
  g_free (handover[0]);
  handover[0] = g_strdup (argv[0]);
  execvp (argv[0], handover);
  g_printerr ("Cannot start the window: %s\n", g_strerror (errno));
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (UnknotApplication) application = NULL;
  char *service_argv[] = { argv[0], (char *) "--gapplication-service", NULL };
  gboolean hand_over;
  int status;

  setlocale (LC_ALL, "");
  if (is_service (argc, argv))
    return run_service (argc, argv);
  /* Set here, once: GTK setting it again at start-up would race with the thread that
   * reads the routines meanwhile and translates their messages. */
  gtk_disable_setlocale ();
  application = unknot_application_new ();
  status = g_application_run (G_APPLICATION (application), argc, argv);
  hand_over = unknot_application_get_hands_over_to_service (application);
  g_clear_object (&application);
  if (!hand_over)
    return status;
  /* The window has closed; the reminders go on without it, in the light service. */
  execvp (argv[0], service_argv);
  return status;
}
