/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-history-export.h"
#include "unknot-cli.h"

static GBytes *
export_to_memory (GError **error)
{
  g_autofree char *db_path = unknot_history_get_default_path ();
  g_autoptr (UnknotHistory) history = unknot_history_new_for_reading (db_path, error);
  g_autoptr (GOutputStream) stream = NULL;

  if (history == NULL)
    return NULL;

  stream = g_memory_output_stream_new_resizable ();
  if (!unknot_history_export_csv (history, stream, error)
      || !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static gboolean
write_to (FILE    *out,
          GBytes  *csv)
{
  gsize size;
  const char *data = g_bytes_get_data (csv, &size);

  return fwrite (data, 1, size, out) == size && fflush (out) == 0;
}

/* unknot --export-history FILE: the history as CSV, to FILE or, for "-", to @out.
 * A file is written whole or not at all, as the window's export writes it (see
 * unknot_history_export_file()). The history itself is only read, so this is safe
 * while the app runs a session. */
int
unknot_cli_export_history (const char *path,
                           FILE       *out,
                           FILE       *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) csv = NULL;
  g_autoptr (GFile) file = NULL;

  g_return_val_if_fail (path != NULL, 1);

  if (!g_str_equal (path, "-"))
    {
      file = g_file_new_for_commandline_arg (path);
      if (unknot_history_export_file (NULL, file, NULL, &error))
        return 0;
      if (error->domain != G_IO_ERROR)
        {
          fprintf (err, "%s\n", error->message);
          return 1;
        }
      /* TRANSLATORS: the first %s is the file name, the second says why */
      fprintf (err, _("Could not write the history to %s: %s. Check that the folder exists "
                      "and that you may write there, or give - to print it instead.\n"),
               path, error->message);
      return 1;
    }

  csv = export_to_memory (&error);
  if (csv == NULL)
    {
      fprintf (err, "%s\n", error->message);
      return 1;
    }
  if (write_to (out, csv))
    return 0;
  fprintf (err, "%s\n", _("Could not write the history to standard output. Check where "
                          "the output goes, or give a file name instead of -."));
  return 1;
}
