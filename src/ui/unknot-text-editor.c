/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-compat.h"
#include "unknot-text-editor.h"

/* Opens a routine file in the user's text editor, so that whoever reads "line 5: unknown
 * region" next to a file can go straight to it. Not as the file's own type: routine
 * files are Unknot's, and that would only bring the file back here. */

/* In a sandbox, the host's applications are out of sight; the desktop's portal asks
 * the user which one to open the file with instead. */
static gboolean
is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

static gboolean
open_with_default_editor (GtkWidget  *widget,
                          GFile      *file,
                          GError    **error)
{
  g_autoptr (GAppInfo) editor = g_app_info_get_default_for_type ("text/plain", FALSE);
  g_autoptr (GdkAppLaunchContext) context = NULL;
  g_autofree char *name = NULL;
  GList files = { file, NULL, NULL };

  if (editor == NULL)
    {
      name = g_file_get_basename (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a file's name, such as my-routine.xml */
                   _("No text editor is set up to open %s"), name);
      return FALSE;
    }
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  return g_app_info_launch (editor, &files, G_APP_LAUNCH_CONTEXT (context), error);
}

/**
 * unknot_text_editor_open:
 * @widget: a widget of the window the editor is opened from
 * @file: the file to open
 *
 * Returns: %FALSE, with @error set, when no editor could be started
 */
gboolean
unknot_text_editor_open (GtkWidget  *widget,
                         GFile      *file,
                         GError    **error)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (is_sandboxed () &&
      unknot_compat_open_with_chosen_app (GTK_WINDOW (gtk_widget_get_root (widget)), file))
    return TRUE;
  return open_with_default_editor (widget, file, error);
}
