/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-compat.h"
#include "unknot-pack-export.h"
#include "unknot-pack-writer.h"
#include "unknot-toasts.h"

/* "Export as Pack…" on a routine page: the routine with its pictures and audio as one
 * .unknot file to hand to someone, written by the same writer as `unknot --export-pack`.
 * The result is told in a toast on @widget's page. */

/**
 * unknot_pack_export_write:
 *
 * Writes the pack and says how it went.
 *
 * Returns: whether the pack was written.
 */
gboolean
unknot_pack_export_write (UnknotRoutine *routine,
                          GFile         *pack,
                          GtkWidget     *widget)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (pack);
  g_autofree char *message = NULL;

  if (unknot_pack_writer_write (routine, pack, &error))
    /* Translators: %s is the name of the routine pack file written */
    message = g_strdup_printf (_("Exported as “%s”"), name);
  else
    /* Translators: %s says why, such as "No space left on device" */
    message = g_strdup_printf (_("The routine pack could not be written: %s"), error->message);
  unknot_toast_show_text (widget, message);
  return error == NULL;
}

/* The routine waiting for the user to choose where its pack goes, kept on the page's
 * widget so that it goes away with the page if the page does first. */
#define ROUTINE_TO_EXPORT "unknot-routine-to-export"

static void
on_chosen (GFile    *pack,
           gpointer  widget)
{
  UnknotRoutine *routine = g_object_get_data (widget, ROUTINE_TO_EXPORT);

  if (pack != NULL && routine != NULL)
    unknot_pack_export_write (routine, pack, widget);
  g_object_set_data (widget, ROUTINE_TO_EXPORT, NULL);
}

void
unknot_pack_export_ask (UnknotRoutine *routine,
                        GtkWidget     *widget)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  g_autofree char *name = g_strconcat (unknot_routine_get_id (routine), ".unknot", NULL);
  g_autoptr (GtkFileFilter) packs = gtk_file_filter_new ();

  gtk_file_filter_set_name (packs, _("Routine packs"));
  gtk_file_filter_add_pattern (packs, "*.unknot");
  gtk_file_filter_add_mime_type (packs, "application/x-unknot-pack");
  g_object_set_data_full (G_OBJECT (widget), ROUTINE_TO_EXPORT, g_object_ref (routine),
                          g_object_unref);
  unknot_compat_choose_file_to_save (parent, _("Export as Routine Pack"), _("_Export"), name,
                                     packs, on_chosen, widget);
}
