/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-body-map.h"
#include "unknot-demonstration.h"
#include "unknot-player-page.h"
#include "unknot-ui-test.h"
#include "unknot-xtest.h"

/* The demonstrations of the techniques: all ten side by side as a contact sheet, and
 * one in the player, where it moves at the start of a step and of each side, comes to
 * rest by itself, and plays again on a real click or a real press of R. */

static UnknotApplication *application;
static UnknotXTest *xtest;

static const struct
{
  UnknotTechnique technique;
  UnknotRegion region;
  UnknotTool tool;
  UnknotSide side;
} sheet[] = {
  { UNKNOT_TECHNIQUE_EFFLEURAGE, UNKNOT_REGION_CALVES, UNKNOT_TOOL_HANDS, UNKNOT_SIDE_LEFT },
  { UNKNOT_TECHNIQUE_PETRISSAGE, UNKNOT_REGION_QUADRICEPS, UNKNOT_TOOL_HANDS, UNKNOT_SIDE_LEFT },
  { UNKNOT_TECHNIQUE_COMPRESSION, UNKNOT_REGION_HAMSTRINGS, UNKNOT_TOOL_HANDS,
    UNKNOT_SIDE_RIGHT },
  { UNKNOT_TECHNIQUE_FRICTION, UNKNOT_REGION_ACHILLES, UNKNOT_TOOL_HANDS, UNKNOT_SIDE_LEFT },
  { UNKNOT_TECHNIQUE_TAPOTEMENT, UNKNOT_REGION_QUADRICEPS, UNKNOT_TOOL_HANDS, UNKNOT_SIDE_BOTH },
  { UNKNOT_TECHNIQUE_TRIGGER_POINT, UNKNOT_REGION_GLUTES, UNKNOT_TOOL_MASSAGE_BALL,
    UNKNOT_SIDE_LEFT },
  { UNKNOT_TECHNIQUE_MYOFASCIAL_RELEASE, UNKNOT_REGION_LOWER_BACK, UNKNOT_TOOL_HANDS,
    UNKNOT_SIDE_BOTH },
  { UNKNOT_TECHNIQUE_ROLLING, UNKNOT_REGION_IT_BAND, UNKNOT_TOOL_FOAM_ROLLER, UNKNOT_SIDE_LEFT },
  { UNKNOT_TECHNIQUE_STRETCHING, UNKNOT_REGION_HIP_FLEXORS, UNKNOT_TOOL_HANDS,
    UNKNOT_SIDE_RIGHT },
  { UNKNOT_TECHNIQUE_VIBRATION, UNKNOT_REGION_QUADRICEPS, UNKNOT_TOOL_PERCUSSION_DEVICE,
    UNKNOT_SIDE_LEFT },
};

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static UnknotSession *
get_session (void)
{
  return unknot_run_get_session (unknot_window_get_run (get_window ()));
}

static gpointer
get_player_child (const char *name)
{
  GtkWidget *page = unknot_ui_test_get_page (get_window (), "player");
  return unknot_ui_test_get_child (page, UNKNOT_TYPE_PLAYER_PAGE, name);
}

static gboolean
is_playing (gpointer data)
{
  return unknot_demonstration_get_playing (data);
}

static gboolean
is_at_rest (gpointer data)
{
  return !unknot_demonstration_get_playing (data);
}

static GtkWidget *
make_sheet_cell (guint i)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *demonstration = unknot_demonstration_new ();
  GtkWidget *label = gtk_label_new (unknot_technique_get_label (sheet[i].technique));

  gtk_widget_set_size_request (demonstration, 170, 170);
  unknot_demonstration_show (UNKNOT_DEMONSTRATION (demonstration), sheet[i].technique,
                             sheet[i].region, sheet[i].tool, UNKNOT_PRESSURE_MEDIUM,
                             sheet[i].side);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), demonstration);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* All ten techniques in one picture, at rest: the stills with their arrows. */
static void
test_contact_sheet (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *demonstrations[G_N_ELEMENTS (sheet)];

  gtk_grid_set_row_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  for (guint i = 0; i < G_N_ELEMENTS (sheet); i++)
    {
      GtkWidget *cell = make_sheet_cell (i);

      demonstrations[i] = gtk_widget_get_first_child (cell);
      gtk_grid_attach (GTK_GRID (grid), cell, i % 5, i / 5, 1, 1);
    }
  gtk_window_set_child (GTK_WINDOW (window), grid);
  gtk_window_set_title (GTK_WINDOW (window), "Techniques");
  gtk_window_present (GTK_WINDOW (window));
  unknot_ui_test_wait_frames (window, 3);

  /* Each plays once shown, then rests as asked. */
  for (guint i = 0; i < G_N_ELEMENTS (sheet); i++)
    {
      g_assert_true (unknot_demonstration_get_playing (UNKNOT_DEMONSTRATION (demonstrations[i])));
      unknot_demonstration_rest (UNKNOT_DEMONSTRATION (demonstrations[i]));
      g_assert_false (unknot_demonstration_get_playing (UNKNOT_DEMONSTRATION (demonstrations[i])));
    }
  unknot_ui_test_screenshot (window, "demonstrations");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Without animations (a setting for those whom motion troubles), the still at once. */
static void
test_still_without_animations (void)
{
  g_autoptr (GtkWidget) demonstration = g_object_ref_sink (unknot_demonstration_new ());

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  unknot_demonstration_show (UNKNOT_DEMONSTRATION (demonstration), UNKNOT_TECHNIQUE_FRICTION,
                             UNKNOT_REGION_ACHILLES, UNKNOT_TOOL_HANDS, UNKNOT_PRESSURE_FIRM,
                             UNKNOT_SIDE_LEFT);
  g_assert_false (unknot_demonstration_get_playing (UNKNOT_DEMONSTRATION (demonstration)));
  unknot_demonstration_replay (UNKNOT_DEMONSTRATION (demonstration));
  g_assert_false (unknot_demonstration_get_playing (UNKNOT_DEMONSTRATION (demonstration)));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* What a screen reader hears names the motion, the region, its side and the tool. */
static void
test_description (void)
{
  g_autofree char *described = unknot_demonstration_describe (UNKNOT_TECHNIQUE_ROLLING,
                                                              UNKNOT_REGION_CALVES,
                                                              UNKNOT_TOOL_FOAM_ROLLER,
                                                              UNKNOT_SIDE_RIGHT);

  g_assert_nonnull (strstr (described, "travelling along"));
  g_assert_nonnull (strstr (described, unknot_region_get_label (UNKNOT_REGION_CALVES)));
  g_assert_nonnull (strstr (described, unknot_side_get_label (UNKNOT_SIDE_RIGHT)));
  g_assert_nonnull (strstr (described, unknot_tool_get_label (UNKNOT_TOOL_FOAM_ROLLER)));
}

static char *
write_routine (const char *folder)
{
  unknot_test_write_file (folder, "buzz.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<routine format=\"1\" id=\"buzz\">\n"
    "  <name>Buzz</name>\n"
    "  <description>Vibration on each thigh.</description>\n"
    "  <step region=\"quadriceps\" technique=\"vibration\" tool=\"percussion-device\"\n"
    "        pressure=\"light\" side=\"each\" duration=\"2m\" switch=\"5s\">\n"
    "    <title>Buzz the thigh</title>\n"
    "    <instructions>Move the device slowly over the front of the thigh.</instructions>\n"
    "  </step>\n"
    "</routine>\n");
  return g_build_filename (folder, "buzz.xml", NULL);
}

static gboolean
is_in_step (gpointer data)
{
  UnknotSegment *segment = unknot_session_get_segment (get_session ());

  return segment != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP;
}

static void
test_player_plays_rests_and_replays (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-demonstration-ui");
  g_autofree char *path = write_routine (folder);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  UnknotWindow *window = get_window ();
  UnknotDemonstration *demonstration;

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, NULL, file));
  g_assert_true (unknot_test_wait_until (is_in_step, NULL, 15000));
  demonstration = get_player_child ("demonstration");

  /* Beside the body map, as the step has no picture of its own. */
  g_assert_true (unknot_ui_test_is_showing (GTK_WIDGET (demonstration)));
  g_assert_true (unknot_ui_test_is_showing (get_player_child ("body_map")));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (demonstration)), >=, 96);

  /* It moves at the start of the step, and comes to rest by itself. */
  g_assert_true (unknot_test_wait_until (is_playing, demonstration, 3000));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-demonstration-moving");
  g_assert_true (unknot_test_wait_until (is_at_rest, demonstration, 15000));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-demonstration-still");

  /* R plays it again, through the X server as a keyboard would. */
  unknot_ui_test_focus_window (xtest, GTK_WINDOW (get_window ()));
  unknot_xtest_press (xtest, "r");
  g_assert_true (unknot_test_wait_until (is_playing, demonstration, 3000));
  unknot_demonstration_rest (demonstration);

  /* So does a click on it. */
  unknot_ui_test_click (xtest, GTK_WIDGET (demonstration), 0.5);
  g_assert_true (unknot_test_wait_until (is_playing, demonstration, 3000));
  unknot_demonstration_rest (demonstration);

  /* The right side starts it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "player.next", NULL));
  g_assert_true (unknot_test_wait_until (is_playing, demonstration, 3000));

  unknot_session_stop (get_session ());
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
  /* The helpers turn animations off for the pages' transitions; the motion is what
   * these tests are about. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  g_test_add_func ("/ui/demonstration/contact-sheet", test_contact_sheet);
  g_test_add_func ("/ui/demonstration/still-without-animations",
                   test_still_without_animations);
  g_test_add_func ("/ui/demonstration/description", test_description);
  g_test_add_func ("/ui/demonstration/player", test_player_plays_rests_and_replays);

  status = g_test_run ();
  unknot_xtest_close (xtest);
  g_clear_object (&application);
  return status;
}
