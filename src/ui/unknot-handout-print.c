/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-handout-print.h"
#include "unknot-handout.h"
#include "unknot-paper.h"
#include "unknot-toasts.h"

/* "Print…" on a routine page: the handout of `unknot --handout` (unknot-handout.c),
 * drawn page by page onto the printer's surface. The operation works in points on the
 * whole sheet, as the handout does, so "Print to File" gives the same pages as the
 * command line on the same paper. */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           data)
{
  UnknotRoutine *routine = g_object_get_data (G_OBJECT (operation), "unknot-routine");
  UnknotHandout *handout = unknot_handout_new (routine, gtk_print_context_get_width (context),
                                               gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, unknot_handout_get_n_pages (handout));
  g_object_set_data_full (G_OBJECT (operation), "unknot-handout", handout, g_object_unref);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           data)
{
  UnknotHandout *handout = g_object_get_data (G_OBJECT (operation), "unknot-handout");

  unknot_handout_draw_page (handout, gtk_print_context_get_cairo_context (context), page);
}

/* The paper of the user's locale, as the handout of the command line uses. */
static GtkPageSetup *
new_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) paper = NULL;
  double width, height;

  unknot_paper_get_default_size (&width, &height);
  paper = gtk_paper_size_new (width == UNKNOT_PAPER_LETTER_WIDTH ? GTK_PAPER_NAME_LETTER
                                                                  : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  return setup;
}

/**
 * unknot_handout_print_new:
 *
 * Returns: (transfer full): an operation that prints @routine's handout, for
 *   gtk_print_operation_run()
 */
GtkPrintOperation *
unknot_handout_print_new (UnknotRoutine *routine)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = new_page_setup ();
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);

  /* "Print to File" offers the routine's id as the file's name. */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME,
                          unknot_routine_get_id (routine));
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, unknot_routine_get_name (routine));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "unknot-routine", g_object_ref (routine),
                          g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), NULL);
  return operation;
}

static void
tell_error (GtkWindow    *parent,
            const GError *error)
{
  /* Translators: %s says why, in the printing system's words */
  g_autofree char *text = g_strdup_printf (_("The handout could not be printed: %s"),
                                           error->message);

  unknot_toast_show_text (GTK_WIDGET (parent), text);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 data)
{
  g_autoptr (GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    tell_error (data, error);
}

/* Opens the print dialog for @routine's handout; a failure is told in a toast. */
void
unknot_handout_print_run (UnknotRoutine *routine,
                          GtkWindow     *parent)
{
  g_autoptr (GtkPrintOperation) operation = unknot_handout_print_new (routine);
  g_autoptr (GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_done), parent, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR
      && error != NULL)
    tell_error (parent, error);
}
