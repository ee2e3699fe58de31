/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <gdk/x11/gdkx.h>

#include "unknot-compat.h"
#include "unknot-handout-print.h"
#include "unknot-routine-page.h"
#include "unknot-test-utils.h"
#include "unknot-ui-test.h"
#include "unknot-xtest.h"

/* "Print…" on a routine page: Ctrl+P typed on the X server opens GTK's print dialog
 * over the window, the shortcuts window lists it, and the pages the print operation
 * draws are those of `unknot --handout`, read back with pdftotext. */

#define TIMEOUT_MS 10000

static UnknotApplication *application;
static UnknotXTest *xtest;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static void
show_routine (const char *id)
{
  unknot_ui_test_activate (get_window (), "win.show-routine", g_variant_new_string (id));
  g_assert_cmpstr (unknot_ui_test_get_page_name (get_window ()), ==, "routine");
}

/* The first visible toplevel of type @type_name, other than the main window. */
static GtkWindow *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), type_name)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

static void
on_slept (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Turns the main loop until a print dialog shows, or the time is up. */
static GtkWindow *
wait_for_toplevel (const char *type_name)
{
  GtkWindow *found = NULL;

  for (guint waited = 0; waited < TIMEOUT_MS && found == NULL; waited += 50)
    {
      gboolean slept = FALSE;

      found = find_toplevel (type_name);
      g_timeout_add_once (50, on_slept, &slept);
      while (!slept)
        g_main_context_iteration (NULL, TRUE);
    }
  return found;
}

static void
press (const char *accelerator)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (get_window ()));
  gulong x_window = gdk_x11_surface_get_xid (surface);

  g_assert_cmpuint (x_window, !=, 0);
  unknot_xtest_focus (xtest, x_window);
  unknot_xtest_press (xtest, accelerator);
}

/* Ctrl+P on a routine page opens the print dialog, in front of the window. */
static void
test_ctrl_p_opens_print_dialog (void)
{
  GtkWindow *dialog;

  show_routine ("post-run-recovery");
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  g_assert_null (find_toplevel ("GtkPrintUnixDialog"));

  press ("<Control>p");
  dialog = wait_for_toplevel ("GtkPrintUnixDialog");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (get_window ()));
  g_assert_true (gtk_window_get_modal (dialog));
  unknot_ui_test_wait_frames (GTK_WIDGET (dialog), 3);
  unknot_ui_test_screenshot (GTK_WIDGET (dialog), "print-dialog");

  gtk_window_close (dialog);
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  g_assert_null (find_toplevel ("GtkPrintUnixDialog"));
}

/* The page's menu offers "Print…", on the same action as the shortcut. */
static void
test_menu_has_print (void)
{
  GtkWidget *page;
  GtkMenuButton *button;
  GMenuModel *menu;
  g_autofree char *action = NULL;
  g_autofree char *label = NULL;

  show_routine ("post-run-recovery");
  page = unknot_ui_test_get_page (get_window (), "routine");
  button = GTK_MENU_BUTTON (unknot_ui_test_find_mapped (page, GTK_TYPE_MENU_BUTTON));
  g_assert_true (unknot_ui_test_is_showing (GTK_WIDGET (button)));
  menu = gtk_menu_button_get_menu_model (button);
  menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s",
                                                  &action));
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s",
                                                  &label));
  g_object_unref (menu);
  g_assert_cmpstr (action, ==, "routine.print");
  g_assert_cmpstr (label, ==, "_Print…");
  g_assert_true (gtk_widget_activate_action (page, "routine.print", NULL));
  g_assert_nonnull (wait_for_toplevel ("GtkPrintUnixDialog"));
  gtk_window_close (find_toplevel ("GtkPrintUnixDialog"));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
}

static gboolean
shows_no_dialog (gpointer data)
{
  return unknot_ui_test_get_dialog (get_window ()) == NULL;
}

/* The shortcuts (a dialog or the help overlay, whichever the stack has) name the
 * shortcut, with the keys the app registered. */
static void
test_shortcuts_window_lists_print (void)
{
  UnknotWindow *window = get_window ();
  g_auto (GStrv) accels = NULL;
  GtkWidget *shortcuts;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                  "routine.print");
  g_assert_cmpstr (accels[0], ==, "<Control>p");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);
  shortcuts = unknot_ui_test_get_dialog (window);
  g_assert_nonnull (shortcuts);
  g_assert_nonnull (unknot_ui_test_find_label (shortcuts, "Print the routine shown"));
  unknot_compat_close_dialog (shortcuts);
  g_assert_true (unknot_test_wait_until (shows_no_dialog, NULL, 3000));
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

/* "Page size" of pdfinfo, such as "612 x 792 pts (letter)"; kept until the test ends. */
static const char *
pdf_size (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Page size:"))
      return g_intern_string (g_strstrip (lines[i] + strlen ("Page size:")));
  g_assert_not_reached ();
}

static const char *const english[] = { "LC_ALL=en_US.UTF-8", "LANGUAGE", NULL };

/* What "Print to File" writes is the handout of the command line, page for page. */
static void
test_print_to_file_matches_command_line (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-print");
  g_autofree char *printed = g_build_filename (folder, "printed.pdf", NULL);
  g_autofree char *written = g_build_filename (folder, "handout.pdf", NULL);
  const char *arguments[] = { "--handout", "post-run-recovery", "handout.pdf", NULL };
  GtkWidget *page;
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_auto (UnknotTestRun) run = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *printed_text = NULL;
  g_autofree char *written_text = NULL;

  show_routine ("post-run-recovery");
  page = unknot_ui_test_get_page (get_window (), "routine");
  operation = unknot_handout_print_new (unknot_routine_page_get_routine (UNKNOT_ROUTINE_PAGE (page)));
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (get_window ()), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  /* gtk_test_init() put this process in American English: the command line too. */
  unknot_test_run_unknot (folder, english, arguments, &run);
  g_assert_cmpint (run.status, ==, 0);

  printed_text = pdf_text (printed);
  written_text = pdf_text (written);
  g_assert_nonnull (strstr (printed_text, "7. "));
  g_assert_cmpstr (printed_text, ==, written_text);
  g_assert_cmpstr (pdf_size (printed), ==, "612 x 792 pts (letter)");
  g_assert_cmpstr (pdf_size (written), ==, "612 x 792 pts (letter)");
  unknot_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();
  xtest = unknot_xtest_open ();

  g_test_add_func ("/ui/handout/menu-has-print", test_menu_has_print);
  g_test_add_func ("/ui/handout/ctrl-p-opens-print-dialog", test_ctrl_p_opens_print_dialog);
  g_test_add_func ("/ui/handout/shortcuts-window-lists-print",
                   test_shortcuts_window_lists_print);
  g_test_add_func ("/ui/handout/print-to-file-matches-command-line",
                   test_print_to_file_matches_command_line);

  status = g_test_run ();
  unknot_xtest_close (xtest);
  g_application_quit (G_APPLICATION (application));
  g_clear_object (&application);
  return status;
}
