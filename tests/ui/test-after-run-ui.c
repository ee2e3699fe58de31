/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-after-run-panel.h"
#include "unknot-body-figure.h"
#include "unknot-body-map.h"
#include "unknot-history-page.h"
#include "unknot-library-page.h"
#include "unknot-routine-page.h"
#include "unknot-test-utils.h"
#include "unknot-ui-test.h"
#include "unknot-xtest.h"

/* "Just ran?" and the regions due on the library, driven with the X server's own pointer
 * and keyboard: a long run and 15 minutes chosen, the suggestion opened and run to its
 * end, its session shown in the history as after a long run, and the body map tinted
 * by the days since each region was last worked. Screenshots: just-ran, after-run-history,
 * regions-due. */

/* A routine of a few seconds that suits a long run and works six regions a long run
 * loads: the first suggestion while none was worked this week. */
#define ROUTINE_ID "quick-long"

static const char quick_routine[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<routine format=\"1\" id=\"" ROUTINE_ID "\">\n"
  "  <name>Quick long-run legs</name>\n"
  "  <description>A routine of a few seconds, for the tests of Just ran.</description>\n"
  "  <prepare duration=\"0s\"/>\n"
  "  <suits run=\"long\"/>\n"
  "  <step region=\"calves\" technique=\"petrissage\" duration=\"2s\">\n"
  "    <title>Calves</title><instructions>Squeeze.</instructions></step>\n"
  "  <step region=\"hamstrings\" technique=\"petrissage\" duration=\"2s\">\n"
  "    <title>Hamstrings</title><instructions>Squeeze.</instructions></step>\n"
  "  <step region=\"quadriceps\" technique=\"petrissage\" duration=\"2s\">\n"
  "    <title>Quadriceps</title><instructions>Squeeze.</instructions></step>\n"
  "  <step region=\"glutes\" technique=\"compression\" duration=\"2s\">\n"
  "    <title>Glutes</title><instructions>Press.</instructions></step>\n"
  "  <step region=\"feet\" technique=\"friction\" duration=\"2s\">\n"
  "    <title>Feet</title><instructions>Rub.</instructions></step>\n"
  "  <step region=\"it-band\" technique=\"effleurage\" duration=\"2s\">\n"
  "    <title>Outer thigh</title><instructions>Stroke.</instructions></step>\n"
  "</routine>\n";

static UnknotApplication *application;
static UnknotXTest *xtest;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static UnknotLibraryPage *
get_library_page (void)
{
  return UNKNOT_LIBRARY_PAGE (unknot_ui_test_get_page (get_window (), "library"));
}

static gpointer
get_library_child (const char *name)
{
  return unknot_ui_test_get_child (get_library_page (), UNKNOT_TYPE_LIBRARY_PAGE, name);
}

static gpointer
get_panel_child (const char *name)
{
  return unknot_ui_test_get_child (get_library_child ("after_run_panel"),
                                   UNKNOT_TYPE_AFTER_RUN_PANEL, name);
}

static void
wait_frames (guint n)
{
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), n);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Types a number into the minutes, as the user would: select all, the digits, Enter. */
static void
type_minutes (const char *digits)
{
  GtkWidget *minutes = get_panel_child ("minutes_button");

  unknot_ui_test_click (xtest, minutes, 0.5);
  unknot_xtest_press (xtest, "<Control>a");
  for (const char *d = digits; *d != '\0'; d++)
    {
      char key[2] = { *d, '\0' };
      unknot_xtest_press (xtest, key);
    }
  unknot_xtest_press (xtest, "Return");
  wait_frames (3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (minutes)), ==,
                   atoi (digits));
}

/* The suggestion rows, first to last. */
static GPtrArray *
get_suggestion_rows (void)
{
  GtkWidget *list = get_panel_child ("suggestion_list");
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_ptr_array_add (rows, row);
  return rows;
}

static UnknotRoutine *
get_row_routine (GtkWidget *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "routine-id");

  g_assert_nonnull (id);
  return unknot_library_lookup (unknot_application_get_library (application), id);
}

/* Every suggestion lasts at most @minutes and says it suits a long run. */
static void
assert_suggestions_fit (guint minutes)
{
  g_autoptr (GPtrArray) rows = get_suggestion_rows ();

  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);
      UnknotRoutine *routine = get_row_routine (GTK_WIDGET (row));

      g_test_message ("%s: %s", unknot_routine_get_id (routine),
                      adw_action_row_get_subtitle (row));
      g_assert_cmpint (unknot_routine_get_total (routine, UNKNOT_DEFAULT_PREPARE_MS,
                                                 UNKNOT_DEFAULT_SWITCH_GAP_MS),
                       <=, (gint64) minutes * 60000);
      g_assert_cmpuint (unknot_routine_get_suits (routine) & (1u << UNKNOT_RUN_KIND_LONG), !=, 0);
      g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "Suits a long run · "));
      g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
    }
}

static gboolean
is_start_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.start") == 0;
}

static gboolean
is_on_page (gpointer name)
{
  return g_strcmp0 (unknot_ui_test_get_page_name (get_window ()), name) == 0;
}

static gboolean
suggestions_shown (gpointer data)
{
  return gtk_widget_get_visible (get_panel_child ("suggestion_list"));
}

/* "Just ran? Long run, 15 minutes": chosen with the pointer and the keyboard, two
 * routines of at most 15 minutes that suit a long run, the first this one with the
 * regions not worked this week; opened with a click and run, its session is recorded
 * and shown in the history as after a long run. */
static void
test_long_run_15_minutes (void)
{
  UnknotWindow *window = get_window ();
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  UnknotHistorySession *session;
  GtkWidget *long_run, *history_row;

  unknot_ui_test_activate (window, "win.show-library", NULL);
  unknot_ui_test_focus_window (xtest, GTK_WINDOW (get_window ()));
  /* Nothing is suggested until the runner says what they ran. */
  g_assert_false (gtk_widget_get_visible (get_panel_child ("suggestion_list")));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Just ran?"));

  long_run = unknot_ui_test_find (GTK_WIDGET (window), is_button_labelled, "Long run");
  g_assert_nonnull (long_run);
  unknot_ui_test_click (xtest, long_run, 0.5);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (long_run)));
  g_assert_true (unknot_test_wait_until (suggestions_shown, NULL, 2000));
  g_assert_cmpint (unknot_after_run_panel_get_kind (get_library_child ("after_run_panel")), ==,
                   UNKNOT_RUN_KIND_LONG);

  type_minutes ("10");
  assert_suggestions_fit (10);
  type_minutes ("15");
  assert_suggestions_fit (15);

  rows = get_suggestion_rows ();
  g_assert_cmpstr (unknot_routine_get_id (get_row_routine (g_ptr_array_index (rows, 0))), ==,
                   ROUTINE_ID);
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), ==,
                   "Suits a long run · 1 minute · Calves and Hamstrings not worked this week");
  unknot_ui_test_screenshot (GTK_WIDGET (window), "just-ran");

  /* A click on the suggestion opens its page; its run follows the long run. */
  unknot_ui_test_click (xtest, g_ptr_array_index (rows, 0), 0.5);
  g_assert_true (unknot_test_wait_until (is_on_page, "routine", 2000));
  g_assert_cmpstr (unknot_routine_get_id (unknot_routine_page_get_routine (
                     UNKNOT_ROUTINE_PAGE (unknot_ui_test_get_page (window, "routine")))), ==,
                   ROUTINE_ID);
  unknot_application_set_speed (application, 1.0);
  wait_frames (3);
  unknot_ui_test_click (xtest, unknot_ui_test_find (GTK_WIDGET (window), is_start_button, NULL),
                        0.5);
  g_assert_true (unknot_test_wait_until (is_on_page, "player", 2000));
  g_assert_true (unknot_test_wait_until (is_on_page, "summary", 30000));

  sessions = unknot_history_list_sessions (unknot_application_get_history (application), 0, 0,
                                           NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  session = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (session->routine_id, ==, ROUTINE_ID);
  g_assert_cmpstr (session->after_run, ==, "long");

  unknot_ui_test_activate (window, "win.show-history", NULL);
  wait_frames (4);
  history_row = gtk_widget_get_ancestor (unknot_ui_test_find_label (GTK_WIDGET (window),
                                                                     "After a long run"),
                                         ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (history_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (history_row)), ==,
                   "Quick long-run legs");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (history_row)),
                            " · After a long run · "));
  /* The list of sessions is below the charts: it alone shows what the row says. */
  unknot_ui_test_screenshot (gtk_widget_get_ancestor (history_row, GTK_TYPE_LIST_BOX),
                             "after-run-history");

  /* Back on the library, the calves are worked this week: no suggestion names them. */
  unknot_ui_test_activate (window, "win.show-library", NULL);
  wait_frames (3);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = get_suggestion_rows ();
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    g_assert_null (strstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, i)), "Calves"));
}

/* Records a session @days_ago that worked @region, for the tint. */
static void
add_session (UnknotRegion region,
             int          days_ago)
{
  UnknotHistory *history = unknot_application_get_history (application);
  UnknotRoutine *routine = unknot_library_lookup (unknot_application_get_library (application),
                                                  ROUTINE_ID);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) start = g_date_time_add_days (now, -days_ago);
  g_autoptr (GDateTime) end = g_date_time_add_minutes (start, 1);
  g_autoptr (GError) error = NULL;
  gint64 id = unknot_history_begin (history, routine, 60000, 1, start, &error);

  unknot_history_record_step (history, id, region, UNKNOT_TECHNIQUE_PETRISSAGE,
                              UNKNOT_SIDE_BOTH, 60, 60000, &error);
  unknot_history_finish (history, id, UNKNOT_HISTORY_STATUS_COMPLETED, 60000, end, &error);
  g_assert_no_error (error);
}

/* The colour the body map draws in the middle of @region's left shape on the back
 * figure, rendered as its window renders it; the figure takes the map's width and the
 * height above its caption. */
static GdkRGBA
region_pixel (GtkWidget    *map,
              UnknotRegion  region)
{
  g_autofree char *id = unknot_body_figure_element_id ("back", region, UNKNOT_SIDE_LEFT);
  int width = gtk_widget_get_width (map);
  int height = gtk_widget_get_height (map);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (map);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  RsvgRectangle bounds;
  const guchar *bgra;
  int x, y;

  g_assert_true (unknot_body_figure_get_shape_bounds (
    unknot_body_figure_get (), id, width,
    unknot_body_map_get_figure_height (UNKNOT_BODY_MAP (map)), &bounds));
  x = (int) (bounds.x + bounds.width / 2);
  y = (int) (bounds.y + bounds.height / 2);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (map)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  bgra = pixels + ((gsize) y * width + x) * 4;
  return (GdkRGBA) { bgra[2] / 255.0f, bgra[1] / 255.0f, bgra[0] / 255.0f, 1.0f };
}

static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Toggles "Show Regions Due" in the main menu with the pointer. */
static void
toggle_regions_due (void)
{
  GtkWidget *button = get_library_child ("menu_button");
  GtkWidget *item;

  unknot_ui_test_click (xtest, button, 0.5);
  wait_frames (3);
  item = unknot_ui_test_find (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                              is_menu_item, "Show Regions Due");
  g_assert_nonnull (item);
  unknot_ui_test_click (xtest, item, 0.5);
  wait_frames (3);
}

/* The body map tints each region by the days since a session worked it (today, 4 days
 * ago, 10 days ago), none never worked, with its legend; off again, nothing is tinted. */
static void
test_regions_due (void)
{
  UnknotWindow *window = get_window ();
  UnknotBodyMap *map;
  GdkRGBA calves_plain, calves_tinted, ankles_tinted;

  add_session (UNKNOT_REGION_SHINS, 4);
  add_session (UNKNOT_REGION_ANKLES, 10);
  unknot_ui_test_activate (window, "win.show-library", NULL);
  unknot_ui_test_focus_window (xtest, GTK_WINDOW (get_window ()));
  map = get_library_child ("body_map");
  g_assert_cmpint (unknot_body_map_get_due_tint (map, UNKNOT_REGION_CALVES), ==, -1);
  g_assert_false (gtk_widget_get_visible (get_library_child ("due_legend")));
  calves_plain = region_pixel (GTK_WIDGET (map), UNKNOT_REGION_CALVES);

  toggle_regions_due ();
  g_assert_true (gtk_widget_get_visible (get_library_child ("due_legend")));
  g_assert_cmpint (unknot_body_map_get_due_tint (map, UNKNOT_REGION_CALVES), ==, 0);
  g_assert_cmpint (unknot_body_map_get_due_tint (map, UNKNOT_REGION_SHINS), ==, 1);
  g_assert_cmpint (unknot_body_map_get_due_tint (map, UNKNOT_REGION_ANKLES), ==, 2);
  g_assert_cmpint (unknot_body_map_get_due_tint (map, UNKNOT_REGION_NECK), ==, -1);
  /* Painted: the calves worked today are greener than the plain figure, and the ankles
   * due are redder than the calves. */
  calves_tinted = region_pixel (GTK_WIDGET (map), UNKNOT_REGION_CALVES);
  ankles_tinted = region_pixel (GTK_WIDGET (map), UNKNOT_REGION_ANKLES);
  g_test_message ("calves %.2f %.2f %.2f, tinted %.2f %.2f %.2f; ankles %.2f %.2f %.2f",
                  calves_plain.red, calves_plain.green, calves_plain.blue, calves_tinted.red,
                  calves_tinted.green, calves_tinted.blue, ankles_tinted.red,
                  ankles_tinted.green, ankles_tinted.blue);
  g_assert_cmpfloat (calves_tinted.green - calves_tinted.red, >,
                     calves_plain.green - calves_plain.red + 0.1);
  g_assert_cmpfloat (ankles_tinted.red - ankles_tinted.green, >,
                     calves_tinted.red - calves_tinted.green + 0.2);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Worked in the last 2 days"));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "A week ago or more"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "regions-due");

  toggle_regions_due ();
  g_assert_false (gtk_widget_get_visible (get_library_child ("due_legend")));
  g_assert_cmpint (unknot_body_map_get_due_tint (map, UNKNOT_REGION_CALVES), ==, -1);
}

static gboolean
has_quick_routine (gpointer data)
{
  return unknot_library_lookup (unknot_application_get_library (application), ROUTINE_ID) != NULL;
}

int
main (int   argc,
      char *argv[])
{
  UnknotLibrary *library;
  g_autofree char *folder = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();
  xtest = unknot_xtest_open ();
  library = unknot_application_get_library (application);
  folder = g_file_get_path (unknot_library_get_user_folder (library));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  unknot_test_write_file (folder, ROUTINE_ID ".xml", quick_routine);
  g_assert_true (unknot_test_wait_until (has_quick_routine, NULL, 5000));

  g_test_add_func ("/ui/after-run/long-run-15-minutes", test_long_run_15_minutes);
  g_test_add_func ("/ui/after-run/regions-due", test_regions_due);

  status = g_test_run ();
  unknot_xtest_close (xtest);
  g_application_quit (G_APPLICATION (application));
  g_clear_object (&application);
  return status;
}
