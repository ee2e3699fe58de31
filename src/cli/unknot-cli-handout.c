/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-cli.h"
#include "unknot-handout.h"
#include "unknot-paper.h"

/* unknot --handout ROUTINE OUT.pdf: the routine, found by id or file, as a printable
 * handout on the paper of the user's locale, in the user's language. OUT is replaced
 * whole, or left as it was if the handout cannot be written. @rest: what follows ROUTINE
 * on the command line, which must be OUT alone. */
int
unknot_cli_handout (const char        *id_or_file,
                    const char *const *rest,
                    FILE              *out,
                    FILE              *err)
{
  const char *pdf_path = rest != NULL ? rest[0] : NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (UnknotHandout) handout = NULL;
  g_autoptr (GFile) pdf = NULL;
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GError) error = NULL;
  double width, height;

  g_return_val_if_fail (id_or_file != NULL, 1);

  if (pdf_path == NULL || rest[1] != NULL)
    {
      fprintf (err, "%s\n", _("Give one routine and then the PDF file to write, such as: "
                              "unknot --handout post-run-recovery post-run-recovery.pdf"));
      return 1;
    }

  routine = unknot_cli_open_routine (id_or_file, err);
  if (routine == NULL)
    return 1;

  unknot_paper_get_default_size (&width, &height);
  handout = unknot_handout_new (routine, width, height);
  pdf = g_file_new_for_commandline_arg (pdf_path);
  stream = g_file_replace (pdf, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);
  if (stream == NULL
      || !unknot_handout_write_pdf (handout, G_OUTPUT_STREAM (stream), &error)
      || !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    {
      /* Closing a replaced file's stream after a failure keeps the file as it was. */
      if (stream != NULL)
        {
          g_autoptr (GCancellable) cancelled = g_cancellable_new ();

          g_cancellable_cancel (cancelled);
          g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
        }
      fprintf (err, "%s: error: %s\n", pdf_path, error->message);
      return 1;
    }
  return 0;
}
