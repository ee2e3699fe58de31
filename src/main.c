/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "unknot-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (UnknotApplication) application = NULL;

  setlocale (LC_ALL, "");
  /* Set here, once: GTK setting it again at start-up would race with the thread that
   * reads the routines meanwhile and translates their messages. */
  gtk_disable_setlocale ();
  application = unknot_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
