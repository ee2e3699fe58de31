/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "unknot-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) files = NULL;
  g_autofree char *timeline = NULL;
  g_autofree char *export_history = NULL;
  gboolean validate = FALSE;
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate, N_("Check routine files and report their problems"), NULL },
    { "timeline", 0, 0, G_OPTION_ARG_FILENAME, &timeline,
      N_("Print when each segment and cue of a routine comes"), N_("FILE") },
    { "export-history", 0, 0, G_OPTION_ARG_FILENAME, &export_history,
      N_("Write the history of sessions as CSV to FILE (- for standard output)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (timeline != NULL)
    return unknot_cli_timeline (timeline, stdout, stderr);
  if (export_history != NULL)
    return unknot_cli_export_history (export_history, stdout, stderr);

  return unknot_cli_validate ((const char *const *) files, stdout, stderr);
}
