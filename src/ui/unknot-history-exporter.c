/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-history-exporter.h"

#include <glib/gi18n.h>

#include "unknot-compat.h"
#include "unknot-history-export.h"
#include "unknot-toasts.h"

/* "Export History…" in the window: the file chooser, the export written on a thread of
 * its own by src/history/, and a toast that says how it went. The window cancels what
 * is under way when it goes, and then nothing is shown. */
struct _UnknotHistoryExporter
{
  GObject parent_instance;

  AdwToastOverlay *overlay;  /* weak: the window's */
  UnknotHistory *history;    /* or NULL: it could not be opened */
  AdwToast *last_toast;      /* weak: what the last export said, while it shows */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (UnknotHistoryExporter, unknot_history_exporter, G_TYPE_OBJECT)

static void
unknot_history_exporter_dispose (GObject *object)
{
  UnknotHistoryExporter *self = UNKNOT_HISTORY_EXPORTER (object);

  g_clear_weak_pointer (&self->overlay);
  g_clear_weak_pointer (&self->last_toast);
  g_clear_object (&self->history);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (unknot_history_exporter_parent_class)->dispose (object);
}

static void
unknot_history_exporter_class_init (UnknotHistoryExporterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = unknot_history_exporter_dispose;
}

static void
unknot_history_exporter_init (UnknotHistoryExporter *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * unknot_history_exporter_new:
 * @overlay: where the toasts go
 * @history: (nullable): the history to export; %NULL if it could not be opened
 */
UnknotHistoryExporter *
unknot_history_exporter_new (AdwToastOverlay *overlay,
                             UnknotHistory   *history)
{
  UnknotHistoryExporter *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);
  g_return_val_if_fail (history == NULL || UNKNOT_IS_HISTORY (history), NULL);

  self = g_object_new (UNKNOT_TYPE_HISTORY_EXPORTER, NULL);
  g_set_weak_pointer (&self->overlay, overlay);
  self->history = history ? g_object_ref (history) : NULL;
  return self;
}

/* A new export's outcome replaces the last one's rather than waiting behind it. */
static void
show_toast (UnknotHistoryExporter *self,
            const char            *message)
{
  AdwToast *toast;

  if (self->overlay == NULL)
    return;
  toast = unknot_toast_new_text (message);
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->overlay, toast);
}

typedef struct
{
  UnknotHistoryExporter *exporter;
  char *name;          /* the file's name, as the toast shows it */
} Export;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Export *export = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (unknot_history_export_file_finish (result, &error))
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("History exported to %s"), export->name);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: %s says what went wrong */
    message = g_strdup_printf (_("The history could not be exported: %s"), error->message);
  /* A window closed meanwhile cancelled the export and shows nothing. */
  if (message != NULL)
    show_toast (export->exporter, message);
  g_object_unref (export->exporter);
  g_free (export->name);
  g_free (export);
}

/**
 * unknot_history_exporter_export:
 * @file: where to write the history as CSV; an existing file is replaced only once the
 *   whole export is written
 *
 * Writes the export on a thread of its own; a toast says how it went.
 */
void
unknot_history_exporter_export (UnknotHistoryExporter *self,
                                GFile                 *file)
{
  g_autofree char *basename = NULL;
  Export *export;

  g_return_if_fail (UNKNOT_IS_HISTORY_EXPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->history == NULL)
    {
      show_toast (self, _("Your history could not be opened, so there is nothing to "
                          "export."));
      return;
    }

  basename = g_file_get_basename (file);
  export = g_new0 (Export, 1);
  export->exporter = g_object_ref (self);
  export->name = g_filename_display_name (basename);
  unknot_history_export_file_async (unknot_history_get_path (self->history), file,
                                    self->cancellable, on_exported, export);
}

/* Stops the exports under way; they say nothing more. */
void
unknot_history_exporter_cancel (UnknotHistoryExporter *self)
{
  g_return_if_fail (UNKNOT_IS_HISTORY_EXPORTER (self));
  g_cancellable_cancel (self->cancellable);
}

static void
on_file_chosen (GFile    *file,
                gpointer  self)
{
  if (file != NULL)
    unknot_history_exporter_export (self, file);
}

/* Asks where to save the CSV, then exports there. */
void
unknot_history_exporter_choose_file (UnknotHistoryExporter *self,
                                     GtkWindow             *parent)
{
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();

  g_return_if_fail (UNKNOT_IS_HISTORY_EXPORTER (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  unknot_compat_choose_file_to_save (parent, _("Export History"), _("_Export"),
                                     "unknot-history.csv", csv, on_file_chosen, self);
}
