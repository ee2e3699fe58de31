/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-pack-export.h"
#include "unknot-player-page.h"
#include "unknot-routine-page.h"
#include "unknot-step-picture.h"
#include "unknot-test-utils.h"
#include "unknot-ui-test.h"
#include "unknot-xtest.h"

/* Routine packs in the window, the way a therapist's client gets one: a routine with a
 * picture and an audio file exported as a pack, opened in an app with an empty user
 * folder (as a double-click, Ctrl+O or a drop does), previewed, added to the library with
 * the keyboard, and run, when its audio plays from the unpacked folder. */

#define SPEED 20.0

static UnknotApplication *application;
static UnknotXTest *xtest;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static UnknotRoutinePage *
get_routine_page (void)
{
  return UNKNOT_ROUTINE_PAGE (unknot_ui_test_get_page (get_window (), "routine"));
}

static void
copy_into (const char *source,
           const char *folder,
           const char *name)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *target = g_build_filename (folder, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
}

/* A routine of one step with a picture and a sound, in a folder of its own. */
static char *
write_routine (const char *folder)
{
  g_autofree char *picture = unknot_test_source_path ("tests", "routine", "fixtures", "valid",
                                                      "images", "calf.svg", NULL);
  g_autofree char *sound = unknot_test_source_path ("data", "sounds", "countdown-tick.oga",
                                                    NULL);

  copy_into (picture, folder, "calf.svg");
  copy_into (sound, folder, "knock.oga");
  unknot_test_write_file (folder, "pack-me.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<routine format=\"1\" id=\"pack-me\">\n"
    "  <name>Packed for a client</name>\n"
    "  <description>One step, with its picture and its sound.</description>\n"
    "  <prepare duration=\"1s\"/>\n"
    "  <step region=\"calves\" technique=\"compression\" tool=\"hands\" duration=\"4s\">\n"
    "    <title>Press the calf</title>\n"
    "    <instructions>Press and hold.</instructions>\n"
    "    <image src=\"calf.svg\"/>\n"
    "    <audio src=\"knock.oga\"/>\n"
    "  </step>\n"
    "</routine>\n");
  return g_build_filename (folder, "pack-me.xml", NULL);
}

static void
on_played (UnknotCuePlayer *player,
           const char      *what,
           gint64           time,
           GPtrArray       *played)
{
  g_ptr_array_add (played, g_strdup (what));
}

static gboolean
is_on_summary (gpointer data)
{
  return g_strcmp0 (unknot_ui_test_get_page_name (get_window ()), "summary") == 0;
}

static gboolean
has_played (gpointer data)
{
  GPtrArray *played = data;
  const char *wanted = g_object_get_data (G_OBJECT (get_window ()), "unknot-test-wanted");

  for (guint i = 0; i < played->len; i++)
    if (g_str_equal (g_ptr_array_index (played, i), wanted))
      return TRUE;
  return FALSE;
}

/* The player shows @data, a GFile, as the step's picture. */
static gboolean
shows_picture (gpointer data)
{
  GtkWidget *page = unknot_ui_test_get_page (get_window (), "player");
  UnknotStepPicture *picture = unknot_ui_test_get_child (page, UNKNOT_TYPE_PLAYER_PAGE,
                                                         "picture");
  GFile *shown = unknot_step_picture_get_file (picture);

  return shown != NULL && g_file_equal (shown, data) && unknot_step_picture_is_loaded (picture);
}

static void
press_space_on (GtkWidget *widget)
{
  unknot_ui_test_focus_window (xtest, GTK_WINDOW (get_window ()));
  g_assert_true (gtk_widget_grab_focus (widget));
  unknot_xtest_press (xtest, "space");
}

static gboolean
is_in_library (gpointer data)
{
  return unknot_library_lookup (unknot_application_get_library (application), data) != NULL;
}

static void
test_export_open_add_run (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-pack-ui");
  g_autofree char *routine_path = write_routine (folder);
  g_autofree char *pack_path = g_build_filename (folder, "for-a-client.unknot", NULL);
  g_autoptr (GFile) pack = g_file_new_for_path (pack_path);
  g_autoptr (GFile) routine_file = g_file_new_for_path (routine_path);
  UnknotLibrary *library = unknot_application_get_library (application);
  UnknotCuePlayer *player = unknot_application_get_cue_player (application);
  g_autoptr (GPtrArray) played = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GFile) user_folder = unknot_library_get_user_folder (library);
  g_autoptr (GFile) pack_folder = g_file_get_child (user_folder, "pack-me");
  g_autoptr (GFile) added_sound = g_file_get_child (pack_folder, "knock.oga");
  g_autoptr (GFile) added_picture = g_file_get_child (pack_folder, "calf.svg");
  g_autofree char *sound_uri = g_file_get_uri (added_sound);
  UnknotRoutinePage *page;
  UnknotRoutine *added;
  GtkWidget *add_button;
  gulong handler;

  /* Exported from the routine's page, as "Export as Pack…" does once a file is chosen. */
  unknot_window_open_file (get_window (), routine_file);
  page = get_routine_page ();
  g_assert_nonnull (unknot_routine_page_get_routine (page));
  g_assert_true (unknot_pack_export_write (unknot_routine_page_get_routine (page), pack,
                                           GTK_WIDGET (page)));
  g_assert_true (g_file_query_exists (pack, NULL));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (get_window ()),
                                               "Exported as “for-a-client.unknot”"));
  unknot_ui_test_close_toast (get_window ());

  /* The user folder is empty: nothing of the routine is in the library yet. */
  g_assert_null (unknot_library_lookup (library, "pack-me"));
  g_assert_false (g_file_query_exists (pack_folder, NULL));

  /* Opened as a double-click, Ctrl+O or a drop opens it: a preview of the pack. */
  unknot_window_open_file (get_window (), pack);
  g_assert_cmpstr (unknot_ui_test_get_page_name (get_window ()), ==, "routine");
  g_assert_nonnull (unknot_routine_page_get_routine (page));
  g_assert_cmpstr (unknot_routine_get_name (unknot_routine_page_get_routine (page)), ==,
                   "Packed for a client");
  /* The preview's picture and sound are on disk, unpacked for it, not in the library. */
  g_assert_true (g_file_query_exists (
    unknot_step_get_image (unknot_routine_get_item (unknot_routine_page_get_routine (page), 0)),
    NULL));
  g_assert_false (g_file_query_exists (pack_folder, NULL));
  add_button = unknot_ui_test_find_label (GTK_WIDGET (page), "_Add to Library");
  if (add_button == NULL)
    add_button = unknot_ui_test_find_label (GTK_WIDGET (page), "Add to Library");
  g_assert_nonnull (add_button);
  add_button = gtk_widget_get_ancestor (add_button, GTK_TYPE_BUTTON);
  g_assert_true (unknot_ui_test_is_showing (add_button));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  unknot_ui_test_screenshot (GTK_WIDGET (get_window ()), "pack-preview");

  /* Added with the keyboard: unpacked as a routine pack folder in the user's folder. */
  press_space_on (add_button);
  g_assert_true (unknot_test_wait_until (is_in_library, "pack-me", 5000));
  added = unknot_library_lookup (library, "pack-me");
  g_assert_true (g_file_query_exists (added_sound, NULL));
  g_assert_true (g_file_query_exists (added_picture, NULL));
  g_assert_true (g_file_equal (unknot_step_get_audio (unknot_routine_get_item (added, 0)),
                               added_sound));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  unknot_ui_test_screenshot (GTK_WIDGET (get_window ()), "pack-added");
  unknot_ui_test_close_toast (get_window ());

  /* Run from the library, it shows the picture and plays the sound unpacked there. */
  g_object_set_data_full (G_OBJECT (get_window ()), "unknot-test-wanted", g_strdup (sound_uri),
                          g_free);
  handler = g_signal_connect (player, "played", G_CALLBACK (on_played), played);
  unknot_application_set_speed (application, SPEED);
  g_assert_true (unknot_window_start (get_window (), "pack-me", NULL));
  g_assert_true (unknot_test_wait_until (shows_picture, added_picture, 10000));
  g_assert_true (unknot_test_wait_until (has_played, played, 10000));
  g_assert_true (unknot_test_wait_until (is_on_summary, NULL, 10000));
  g_signal_handler_disconnect (player, handler);
  unknot_application_set_speed (application, 1.0);

  unknot_test_remove_folder (folder);
}

static void
on_slept (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Turns the main loop until a visible toplevel of type @type_name shows. */
static GtkWindow *
wait_for_toplevel (const char *type_name)
{
  for (guint waited = 0; waited < 10000; waited += 50)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      gboolean slept = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), type_name)
              && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            return toplevel;
        }
      g_timeout_add_once (50, on_slept, &slept);
      while (!slept)
        g_main_context_iteration (NULL, TRUE);
    }
  return NULL;
}

static char *
filter_names (GtkFileChooser *chooser)
{
  g_autoptr (GListModel) filters = gtk_file_chooser_get_filters (chooser);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr (GtkFileFilter) filter = g_list_model_get_item (filters, i);
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", gtk_file_filter_get_name (filter));
    }
  return g_string_free (names, FALSE);
}

/* "Export as Pack…" offers a .unknot named after the routine, among routine packs;
 * Ctrl+O, typed on the X server, offers routines and packs, and all files. What they
 * choose goes where test_export_open_add_run() sends it. Both are cancelled here: the
 * chooser settles its folder in the background, so a test cannot choose one in time. */
static void
test_dialogs_offer_packs (void)
{
  g_autofree char *filters = NULL;
  g_autofree char *offered = NULL;
  GtkWindow *dialog;

  unknot_ui_test_activate (get_window (), "win.show-routine",
                           g_variant_new_string ("post-run-recovery"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_routine_page ()),
                                             "routine.export-pack", NULL));
  dialog = wait_for_toplevel ("GtkFileChooserDialog");
  g_assert_nonnull (dialog);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (offered, ==, "post-run-recovery.unknot");
  filters = filter_names (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (filters, ==, "Routine packs");
  unknot_ui_test_wait_frames (GTK_WIDGET (dialog), 2);
  unknot_ui_test_screenshot (GTK_WIDGET (dialog), "pack-export-dialog");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  g_clear_pointer (&filters, g_free);

  unknot_ui_test_focus_window (xtest, GTK_WINDOW (get_window ()));
  unknot_xtest_press (xtest, "<Control>o");
  dialog = wait_for_toplevel ("GtkFileChooserDialog");
  g_assert_nonnull (dialog);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==,
                   GTK_FILE_CHOOSER_ACTION_OPEN);
  filters = filter_names (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (filters, ==, "Routines and routine packs, All files");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
}

/* A file that is not a pack, named .unknot, is shown as a problem, with no Start. */
static void
test_broken_pack (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-pack-ui-broken");
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  UnknotRoutinePage *page;

  unknot_test_write_file (folder, "broken.unknot", "this is not a ZIP archive");
  path = g_build_filename (folder, "broken.unknot", NULL);
  file = g_file_new_for_path (path);
  unknot_window_open_file (get_window (), file);
  page = get_routine_page ();
  g_assert_null (unknot_routine_page_get_routine (page));
  g_assert_true (unknot_ui_test_is_showing (unknot_ui_test_get_child (page,
                                                                      UNKNOT_TYPE_ROUTINE_PAGE,
                                                                      "problems_group")));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  unknot_ui_test_screenshot (GTK_WIDGET (get_window ()), "pack-broken");
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

  g_test_add_func ("/ui/pack/export-open-add-run", test_export_open_add_run);
  g_test_add_func ("/ui/pack/broken-pack", test_broken_pack);
  g_test_add_func ("/ui/pack/dialogs-offer-packs", test_dialogs_offer_packs);

  status = g_test_run ();
  unknot_xtest_close (xtest);
  g_application_quit (G_APPLICATION (application));
  g_clear_object (&application);
  return status;
}
