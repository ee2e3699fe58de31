/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-open-dialog.h"

#include <glib/gi18n.h>

#include "unknot-compat.h"

/* "Open Routine…" (Ctrl+O): the file chooser for a routine file or pack to preview. What
 * is chosen goes to unknot_window_open_file(), as a file dropped on the window does. */

static void
on_chosen (GFile    *file,
           gpointer  window)
{
  if (file != NULL)
    unknot_window_open_file (window, file);
}

void
unknot_open_dialog_ask (UnknotWindow *window)
{
  g_autoptr (GtkFileFilter) routines = gtk_file_filter_new ();

  g_return_if_fail (UNKNOT_IS_WINDOW (window));

  gtk_file_filter_set_name (routines, _("Routines and routine packs"));
  gtk_file_filter_add_pattern (routines, "*.xml");
  gtk_file_filter_add_pattern (routines, "*.unknot");
  gtk_file_filter_add_mime_type (routines, "application/x-unknot-routine+xml");
  gtk_file_filter_add_mime_type (routines, "application/x-unknot-pack");
  unknot_compat_choose_file_to_open (GTK_WINDOW (window), _("Open Routine"), _("_Open"),
                                     routines, on_chosen, window);
}
