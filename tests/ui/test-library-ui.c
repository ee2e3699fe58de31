/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gstdio.h>

#include "unknot-body-figure.h"
#include "unknot-body-map.h"
#include "unknot-library-page.h"
#include "unknot-routine-page.h"
#include "unknot-routine-row.h"
#include "unknot-style.h"
#include "unknot-test-utils.h"
#include "unknot-ui-test.h"

/* The library and routine pages, driven as a user would through the app's own API, on
 * the routines the app ships; each test saves a screenshot. */

static UnknotApplication *application;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static UnknotLibraryPage *
get_library_page (void)
{
  return UNKNOT_LIBRARY_PAGE (unknot_window_get_page (get_window (), "library"));
}

static UnknotRoutinePage *
get_routine_page (void)
{
  return UNKNOT_ROUTINE_PAGE (unknot_window_get_page (get_window (), "routine"));
}

static guint
n_shipped_routines (void)
{
  g_autofree char *folder = unknot_test_source_path ("routines", NULL);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml") && !g_str_equal (name, "template.xml"))
      n++;
  return n;
}

static GtkWidget *
get_library_body_map (void)
{
  return unknot_ui_test_find_mapped (GTK_WIDGET (get_library_page ()), UNKNOT_TYPE_BODY_MAP);
}

/* The colour @widget draws at (@x, @y), rendered as its window renders it. */
static GdkRGBA
pixel_at (GtkWidget *widget,
          int        x,
          int        y)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  const guchar *bgra;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  bgra = pixels + ((gsize) y * width + x) * 4;
  return (GdkRGBA) { bgra[2] / 255.0f, bgra[1] / 255.0f, bgra[0] / 255.0f, bgra[3] / 255.0f };
}

/* The middle of the region's left shape on the back figure, in the map's coordinates. */
static void
get_region_middle (GtkWidget    *map,
                   UnknotRegion  region,
                   int          *x,
                   int          *y)
{
  g_autofree char *id = unknot_body_map_element_id ("back", region, UNKNOT_SIDE_LEFT);
  RsvgRectangle bounds;

  g_assert_true (unknot_body_figure_get_shape_bounds (unknot_body_figure_get (), id,
                                                      gtk_widget_get_width (map),
                                                      gtk_widget_get_height (map), &bounds));
  *x = (int) (bounds.x + bounds.width / 2);
  *y = (int) (bounds.y + bounds.height / 2);
  g_assert_cmpint (*x, >=, 0);
  g_assert_cmpint (*x, <, gtk_widget_get_width (map));
  g_assert_cmpint (*y, >=, 0);
  g_assert_cmpint (*y, <, gtk_widget_get_height (map));
}

static gboolean
colors_close (const GdkRGBA *a,
              const GdkRGBA *b)
{
  return fabsf (a->red - b->red) < 0.08f && fabsf (a->green - b->green) < 0.08f
         && fabsf (a->blue - b->blue) < 0.08f;
}

static void
test_lists_shipped_routines (void)
{
  UnknotWindow *window = get_window ();

  unknot_window_show_library (window);
  unknot_library_page_set_search (get_library_page (), NULL);
  unknot_library_page_set_regions (get_library_page (), 0);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);

  g_assert_cmpstr (unknot_window_get_page_name (window), ==, "library");
  g_assert_cmpuint (unknot_library_page_get_n_shown (get_library_page ()), ==,
                    n_shipped_routines ());
  g_assert_cmpuint (n_shipped_routines (), >=, 12);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Post-run recovery"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "library");
}

static void
test_filter_by_region (void)
{
  UnknotWindow *window = get_window ();
  UnknotLibrary *library = unknot_application_get_library (application);
  guint32 feet = 1u << UNKNOT_REGION_FEET;
  guint expected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr (UnknotRoutine) routine = g_list_model_get_item (G_LIST_MODEL (library), i);
      if (unknot_routine_get_regions (routine) & feet)
        expected++;
    }

  unknot_window_show_library (window);
  unknot_library_page_set_regions (get_library_page (), feet);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, n_shipped_routines ());
  g_assert_cmpuint (unknot_library_page_get_n_shown (get_library_page ()), ==, expected);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Routines for Feet"));
  g_assert_null (unknot_ui_test_find_label (GTK_WIDGET (window), "Desk day"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "library-filtered");

  unknot_library_page_set_regions (get_library_page (), 0);
}

/* The body map draws its figure from a texture and the selected regions over it in the
 * accent colour; the rest of the figure stays as it was. */
static void
test_body_map_lights_selection (void)
{
  GtkWidget *map = get_library_body_map ();
  GdkRGBA accent, calf_before, calf_lit, foot_before, foot_after;
  int calf_x, calf_y, foot_x, foot_y;

  g_assert_nonnull (map);
  accent = unknot_style_lookup_color (map, "accent_bg_color", 1.0);
  get_region_middle (map, UNKNOT_REGION_CALVES, &calf_x, &calf_y);
  get_region_middle (map, UNKNOT_REGION_FEET, &foot_x, &foot_y);
  calf_before = pixel_at (map, calf_x, calf_y);
  foot_before = pixel_at (map, foot_x, foot_y);
  g_assert_false (colors_close (&calf_before, &accent));

  unknot_library_page_set_regions (get_library_page (), 1u << UNKNOT_REGION_CALVES);
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  calf_lit = pixel_at (map, calf_x, calf_y);
  foot_after = pixel_at (map, foot_x, foot_y);
  g_assert_true (colors_close (&calf_lit, &accent));
  g_assert_true (gdk_rgba_equal (&foot_before, &foot_after));

  unknot_library_page_set_regions (get_library_page (), 0);
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  calf_before = pixel_at (map, calf_x, calf_y);
  g_assert_false (colors_close (&calf_before, &accent));
}

/* Over a region, the map names it and offers a click; beside the figure, neither. */
static void
test_body_map_names_hovered_region (void)
{
  GtkWidget *map = get_library_body_map ();
  GtkEventController *motion =
    unknot_ui_test_find_controller (map, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  int x, y;

  g_assert_nonnull (motion);
  get_region_middle (map, UNKNOT_REGION_CALVES, &x, &y);
  g_signal_emit_by_name (motion, "motion", (double) x, (double) y);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (map), ==, "Calves");
  g_assert_nonnull (gtk_widget_get_cursor (map));

  g_signal_emit_by_name (motion, "motion", 1.0, 1.0);
  g_assert_null (gtk_widget_get_tooltip_text (map));
  g_assert_null (gtk_widget_get_cursor (map));
  g_signal_emit_by_name (motion, "leave");
}

/* A click on a region's shape selects it, and a second click clears it; a click beside
 * the figure selects nothing. */
static void
test_body_map_click_selects (void)
{
  GtkWidget *map = get_library_body_map ();
  GtkEventController *click = unknot_ui_test_find_controller (map, GTK_TYPE_GESTURE_CLICK);
  UnknotBodyMap *body_map = UNKNOT_BODY_MAP (map);
  int x, y;

  g_assert_nonnull (click);
  unknot_library_page_set_regions (get_library_page (), 0);
  get_region_middle (map, UNKNOT_REGION_HAMSTRINGS, &x, &y);

  g_signal_emit_by_name (click, "pressed", 1, (double) x, (double) y);
  g_assert_cmpuint (unknot_body_map_get_selection (body_map), ==, 1u << UNKNOT_REGION_HAMSTRINGS);
  g_signal_emit_by_name (click, "pressed", 1, (double) x, (double) y);
  g_assert_cmpuint (unknot_body_map_get_selection (body_map), ==, 0);

  g_signal_emit_by_name (click, "pressed", 1, 1.0, 1.0);
  g_assert_cmpuint (unknot_body_map_get_selection (body_map), ==, 0);
}

static void
test_search (void)
{
  UnknotWindow *window = get_window ();

  unknot_library_page_set_search (get_library_page (), "plantar");
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (unknot_library_page_get_n_shown (get_library_page ()), ==, 1);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Feet and plantar fascia"));

  unknot_library_page_set_search (get_library_page (), "no routine has this word");
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (unknot_library_page_get_n_shown (get_library_page ()), ==, 0);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "No Matching Routines"));

  unknot_library_page_set_search (get_library_page (), NULL);
}

/* Whether @widget is the library's row of the routine with this id. */
static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  id)
{
  UnknotRoutine *routine;

  if (!UNKNOT_IS_ROUTINE_ROW (widget))
    return FALSE;
  routine = unknot_routine_row_get_routine (UNKNOT_ROUTINE_ROW (widget));
  return g_str_equal (unknot_routine_get_id (routine), id);
}

/* Clicking a row, or pressing Enter on it, opens that routine. */
static void
test_activate_row (void)
{
  UnknotWindow *window = get_window ();
  GtkWidget *row;

  unknot_window_show_library (window);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  row = unknot_ui_test_find (GTK_WIDGET (window), is_row_of, "shins-and-ankles");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  g_signal_emit_by_name (row, "activate");
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);

  g_assert_cmpstr (unknot_window_get_page_name (window), ==, "routine");
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Shins and ankles"));
  unknot_window_show_library (window);
}

static GtkWidget *
find_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The main menu, made on first use, opens with its items. */
static void
test_primary_menu (void)
{
  UnknotWindow *window = get_window ();
  GtkMenuButton *button;
  GMenuModel *menu;

  unknot_window_show_library (window);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  button = GTK_MENU_BUTTON (find_menu_button (GTK_WIDGET (window)));
  g_assert_nonnull (button);

  gtk_menu_button_popup (button);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "primary-menu");
  gtk_menu_button_popdown (button);
}

/* The shortcuts window is built on first use and shows the keys the app registered. */
static void
test_shortcuts_window (void)
{
  UnknotWindow *window = get_window ();
  GtkShortcutsWindow *overlay;

  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (overlay), "Open a routine file"));
  unknot_ui_test_screenshot (GTK_WIDGET (overlay), "shortcuts");

  gtk_window_close (GTK_WINDOW (overlay));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  /* A second time shows the same window again rather than building another. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))
                 == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
}

static void
test_open_routine (void)
{
  UnknotWindow *window = get_window ();
  UnknotLibrary *library = unknot_application_get_library (application);
  UnknotRoutine *routine = unknot_library_lookup (library, "post-run-recovery");

  g_assert_nonnull (routine);
  unknot_window_show_routine (window, routine);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);

  g_assert_cmpstr (unknot_window_get_page_name (window), ==, "routine");
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Ten minutes"));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Skip any area"));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "1. Stroke the calf"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "routine");
}

static const char *broken_routine =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<routine format=\"1\" id=\"my-preview\">\n"
  "  <name>My preview</name>\n"
  "  <description>Being written.</description>\n"
  "  <step region=\"calfs\" technique=\"petrissage\" duration=\"30s\">\n"
  "    <title>Knead</title>\n"
  "    <instructions>Knead the calf.</instructions>\n"
  "  </step>\n"
  "</routine>\n";

static gboolean
preview_is_valid (gpointer data)
{
  return unknot_routine_page_get_routine (get_routine_page ()) != NULL;
}

static void
test_preview_broken_then_fixed (void)
{
  UnknotWindow *window = get_window ();
  g_autofree char *folder = unknot_test_make_folder ("unknot-preview");
  g_autofree char *fixed = NULL;
  g_autoptr (GFile) file = g_file_new_build_filename (folder, "my-preview.xml", NULL);
  g_autoptr (UnknotProblem) problem = NULL;
  GListModel *problems;

  unknot_test_write_file (folder, "my-preview.xml", broken_routine);
  unknot_window_open_file (window, file);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);

  g_assert_null (unknot_routine_page_get_routine (get_routine_page ()));
  problem = g_list_model_get_item (unknot_routine_page_get_problems (get_routine_page ()), 0);
  g_assert_nonnull (problem);
  g_assert_cmpuint (unknot_problem_get_line (problem), ==, 5);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window),
                                               "line 5: unknown region 'calfs'"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "preview-broken");

  /* The author fixes the file in an editor; the page follows. */
  fixed = g_strdup (broken_routine);
  memcpy (strstr (fixed, "calfs\""), "feet\" ", 6);
  unknot_test_write_file (folder, "my-preview.xml", fixed);
  g_assert_true (unknot_test_wait_until (preview_is_valid, NULL, 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  problems = unknot_routine_page_get_problems (get_routine_page ());
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Add to Library"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "preview-fixed");

  unknot_test_remove_folder (folder);
}

typedef struct
{
  UnknotLibrary *library;
  const char *id;
  guint n_problems;
} LibraryState;

static gboolean
library_is_in_state (gpointer data)
{
  LibraryState *state = data;
  gboolean has = unknot_library_lookup (state->library, state->id) != NULL;

  return g_list_model_get_n_items (unknot_library_get_problems (state->library))
           == state->n_problems
         && has == (state->n_problems == 0);
}

static void
test_library_problem_fixed_live (void)
{
  UnknotWindow *window = get_window ();
  UnknotLibrary *library = unknot_application_get_library (application);
  g_autoptr (GFile) user_folder = g_object_ref (unknot_library_get_user_folder (library));
  g_autofree char *folder = g_file_get_path (user_folder);
  g_autofree char *fixed = g_strdup (broken_routine);
  g_autofree char *path = g_build_filename (folder, "my-preview.xml", NULL);
  LibraryState broken = { library, "my-preview", 1 };
  LibraryState repaired = { library, "my-preview", 0 };

  unknot_window_show_library (window);
  unknot_test_write_file (folder, "my-preview.xml", broken_routine);
  g_assert_true (unknot_test_wait_until (library_is_in_state, &broken, 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window),
                                               "line 5: unknown region 'calfs'"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "library-problem");

  memcpy (strstr (fixed, "calfs\""), "feet\" ", 6);
  unknot_test_write_file (folder, "my-preview.xml", fixed);
  g_assert_true (unknot_test_wait_until (library_is_in_state, &repaired, 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "My preview"));
  g_assert_null (unknot_ui_test_find_label (GTK_WIDGET (window), "line 5:"));

  g_remove (path);
}

static void
test_narrow_window (void)
{
  UnknotWindow *window = get_window ();
  int width, height;

  unknot_window_show_library (window);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 4);

  /* The content fits a phone-sized window: nothing forces it wider. */
  g_assert_cmpint (gtk_widget_get_width (unknot_window_get_page (window, "library")), <=, 360);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "library-narrow");

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();

  g_test_add_func ("/ui/library/lists-shipped-routines", test_lists_shipped_routines);
  g_test_add_func ("/ui/library/filter-by-region", test_filter_by_region);
  g_test_add_func ("/ui/library/body-map-lights-selection", test_body_map_lights_selection);
  g_test_add_func ("/ui/library/body-map-click-selects", test_body_map_click_selects);
  g_test_add_func ("/ui/library/body-map-names-hovered-region",
                   test_body_map_names_hovered_region);
  g_test_add_func ("/ui/library/search", test_search);
  g_test_add_func ("/ui/library/problem-fixed-live", test_library_problem_fixed_live);
  g_test_add_func ("/ui/library/narrow-window", test_narrow_window);
  g_test_add_func ("/ui/library/activate-row", test_activate_row);
  g_test_add_func ("/ui/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/ui/library/primary-menu", test_primary_menu);
  g_test_add_func ("/ui/routine/open", test_open_routine);
  g_test_add_func ("/ui/routine/preview-broken-then-fixed", test_preview_broken_then_fixed);

  status = g_test_run ();
  g_application_quit (G_APPLICATION (application));
  g_clear_object (&application);
  return status;
}
