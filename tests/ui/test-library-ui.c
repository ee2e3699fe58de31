/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gstdio.h>

#include "unknot-body-figure.h"
#include "unknot-body-map.h"
#include "unknot-library-page.h"
#include "unknot-portal-service.h"
#include "unknot-routine-page.h"
#include "unknot-routine-row.h"
#include "unknot-compat.h"
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
  return UNKNOT_LIBRARY_PAGE (unknot_ui_test_get_page (get_window (), "library"));
}

static UnknotRoutinePage *
get_routine_page (void)
{
  return UNKNOT_ROUTINE_PAGE (unknot_ui_test_get_page (get_window (), "routine"));
}

static void
show_library (void)
{
  unknot_ui_test_activate (get_window (), "win.show-library", NULL);
}

/* Types @text into the search entry, as a user would, or clears it for NULL. */
static void
search_for (const char *text)
{
  GtkSearchEntry *entry = unknot_ui_test_get_child (get_library_page (),
                                                    UNKNOT_TYPE_LIBRARY_PAGE, "search_entry");

  /* The entry waits for typing to pause before it searches; a test types at once. */
  gtk_search_entry_set_search_delay (entry, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
}

/* Selects regions as if they were clicked on the library's body map. */
static void
select_regions (guint32 regions)
{
  unknot_body_map_set_selection (unknot_ui_test_get_child (get_library_page (),
                                                           UNKNOT_TYPE_LIBRARY_PAGE, "body_map"),
                                 regions);
}

/* How many routines the library lists. */
static guint
count_shown (void)
{
  return unknot_ui_test_count_rows (unknot_ui_test_get_child (get_library_page (),
                                                              UNKNOT_TYPE_LIBRARY_PAGE,
                                                              "routine_list"));
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

/* The middle of the region's left shape on the back figure, in the map's coordinates; the
 * figure takes the map's width and the height above its caption. */
static void
get_region_middle (GtkWidget    *map,
                   UnknotRegion  region,
                   int          *x,
                   int          *y)
{
  g_autofree char *id = unknot_body_figure_element_id ("back", region, UNKNOT_SIDE_LEFT);
  RsvgRectangle bounds;

  g_assert_true (unknot_body_figure_get_shape_bounds (unknot_body_figure_get (), id,
                                                      gtk_widget_get_width (map),
                                                      unknot_body_map_get_figure_height (
                                                        UNKNOT_BODY_MAP (map)),
                                                      &bounds));
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

  show_library ();
  search_for (NULL);
  select_regions (0);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);

  g_assert_cmpstr (unknot_ui_test_get_page_name (window), ==, "library");
  g_assert_cmpuint (count_shown (), ==, n_shipped_routines ());
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

  show_library ();
  select_regions (feet);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, n_shipped_routines ());
  g_assert_cmpuint (count_shown (), ==, expected);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Routines for Feet"));
  /* The upper-body desk day has no step for the feet; the one for hips and legs has. */
  g_assert_null (unknot_ui_test_find_label (GTK_WIDGET (window), "Desk day: neck"));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Desk day: hips"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "library-filtered");

  select_regions (0);
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

  select_regions (1u << UNKNOT_REGION_CALVES);
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  calf_lit = pixel_at (map, calf_x, calf_y);
  foot_after = pixel_at (map, foot_x, foot_y);
  g_assert_true (colors_close (&calf_lit, &accent));
  g_assert_true (gdk_rgba_equal (&foot_before, &foot_after));

  select_regions (0);
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
  select_regions (0);
  get_region_middle (map, UNKNOT_REGION_HAMSTRINGS, &x, &y);

  g_signal_emit_by_name (click, "pressed", 1, (double) x, (double) y);
  g_assert_cmpuint (unknot_body_map_get_selection (body_map), ==, 1u << UNKNOT_REGION_HAMSTRINGS);
  g_signal_emit_by_name (click, "pressed", 1, (double) x, (double) y);
  g_assert_cmpuint (unknot_body_map_get_selection (body_map), ==, 0);

  g_signal_emit_by_name (click, "pressed", 1, 1.0, 1.0);
  g_assert_cmpuint (unknot_body_map_get_selection (body_map), ==, 0);
}

/* The body map's regions take the keyboard's focus one at a time, the focus ring showing
 * on the region; the screenshot shows where. (Keys and the screen reader's view are
 * tested in test-accessibility-ui.) */
static void
test_body_map_keyboard_focus (void)
{
  UnknotWindow *window = get_window ();
  GtkWidget *map = get_library_body_map ();
  GtkWidget *focus;

  select_regions (1u << UNKNOT_REGION_FEET);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_true (gtk_widget_child_focus (map, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_child_focus (map, GTK_DIR_DOWN));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));
  g_assert_true (gtk_widget_get_parent (focus) == map);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "library-region-focus");

  /* Tab leaves the map at once, not region by region. */
  g_assert_false (gtk_widget_child_focus (map, GTK_DIR_TAB_FORWARD));
  select_regions (0);
}

static void
test_search (void)
{
  UnknotWindow *window = get_window ();

  search_for ("plantar");
  g_assert_cmpuint (count_shown (), ==, 1);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Feet and plantar fascia"));

  search_for ("no routine has this word");
  g_assert_cmpuint (count_shown (), ==, 0);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "No Matching Routines"));

  search_for (NULL);
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

  show_library ();
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  row = unknot_ui_test_find (GTK_WIDGET (window), is_row_of, "shins-and-ankles");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  g_signal_emit_by_name (row, "activate");
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);

  g_assert_cmpstr (unknot_ui_test_get_page_name (window), ==, "routine");
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Shins and ankles"));
  show_library ();
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

  show_library ();
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  button = GTK_MENU_BUTTON (find_menu_button (GTK_WIDGET (window)));
  g_assert_nonnull (button);

  gtk_menu_button_popup (button);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "primary-menu");
  gtk_menu_button_popdown (button);
}

static gboolean
shows_no_dialog (gpointer data)
{
  return unknot_ui_test_get_dialog (get_window ()) == NULL;
}

/* Shows what @action opens, checks that it says @text, and closes it again. */
static GtkWidget *
show_dialog (const char *action,
             const char *text,
             const char *screenshot)
{
  UnknotWindow *window = get_window ();
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);
  dialog = unknot_ui_test_get_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_nonnull (unknot_ui_test_find_label (dialog, text));
  unknot_ui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (dialog)), screenshot);
  return dialog;
}

static void
close_dialog (GtkWidget *dialog)
{
  unknot_compat_close_dialog (dialog);
  g_assert_true (unknot_test_wait_until (shows_no_dialog, NULL, 3000));
}

/* The shortcuts are built on first use and show the keys the app registered: in an
 * AdwShortcutsDialog inside the window where libadwaita has it, else in the window's
 * help overlay, built once. */
static void
test_shortcuts_window (void)
{
  GtkWidget *dialog;

#if UNKNOT_HAVE_SHORTCUTS_DIALOG
  dialog = show_dialog ("win.show-help-overlay", "Open a routine file", "shortcuts");
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (dialog), ==, "AdwShortcutsDialog");
  close_dialog (dialog);
  dialog = show_dialog ("win.show-help-overlay", "Add 15 seconds", "shortcuts");
  close_dialog (dialog);
#else
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (get_window ());

  g_assert_null (gtk_application_window_get_help_overlay (window));
  dialog = show_dialog ("win.show-help-overlay", "Open a routine file", "shortcuts");
  g_assert_true (GTK_WIDGET (gtk_application_window_get_help_overlay (window)) == dialog);
  close_dialog (dialog);
  g_assert_false (gtk_widget_get_visible (dialog));
  /* A second time shows the same window again rather than building another; the
   * player's keys are a section of their own. */
  g_assert_true (show_dialog ("win.show-help-overlay", "Open a routine file", "shortcuts") == dialog);
  g_object_set (dialog, "section-name", "player", NULL);
  unknot_ui_test_wait_frames (dialog, 3);
  g_assert_nonnull (unknot_ui_test_find_label (dialog, "Add 15 seconds"));
  close_dialog (dialog);
#endif
}

/* The preferences show the settings, in a dialog inside the window where libadwaita
 * has one. */
static void
test_preferences (void)
{
  GtkWidget *dialog = show_dialog ("app.preferences", "Cue _Volume", "preferences");

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (dialog), ==,
                   UNKNOT_HAVE_ADW_DIALOG ? "AdwPreferencesDialog" : "AdwPreferencesWindow");
  g_assert_nonnull (unknot_ui_test_find_label (dialog, "_Weekly Goal"));
  close_dialog (dialog);
}

static gboolean
portal_was_asked (gpointer data)
{
  g_autoptr (GVariant) options = unknot_portal_service_get_background_request ();

  return options != NULL;
}

static gboolean
has_reminder_days (gpointer n)
{
  g_auto (GStrv) days =
    g_settings_get_strv (unknot_application_get_settings (application), "reminder-days");

  return g_strv_length (days) == GPOINTER_TO_UINT (n);
}

static gboolean
is_hour_spin (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget)
         && gtk_adjustment_get_upper (
              gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (widget))) == 23;
}

static void
scroll_to_end (GtkWidget *dialog)
{
  GtkWidget *scrolled = unknot_ui_test_find_mapped (dialog, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  unknot_ui_test_wait_frames (dialog, 3);
}

/* Choosing a day turns reminders on, which asks the desktop, through the Background
 * portal, to let `unknot --gapplication-service` start at login; the time is set with
 * the spin buttons. The day chosen is neither today nor yesterday, so no reminder comes
 * while the tests run. */
static void
test_preferences_reminders (void)
{
  static const char *const ids[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  GSettings *settings = unknot_application_get_settings (application);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int day = (g_date_time_get_day_of_week (now) - 1 + 3) % 7;
  g_autoptr (GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);
  g_autoptr (GDateTime) date = g_date_time_add_days (monday, day);
  g_autofree char *label = g_date_time_format (date, "%a");
  g_autoptr (GVariant) options = NULL;
  g_auto (GStrv) days = NULL;
  g_autofree char *time = NULL;
  g_autofree const char **commandline = NULL;
  const char *reason = NULL;
  gboolean autostart = FALSE;
  GtkWidget *dialog, *hour;

  g_assert_null (unknot_portal_service_get_background_request ());
  dialog = show_dialog ("app.preferences", "Reminders", "preferences");
  unknot_ui_test_click_button (dialog, label);
  /* A button clicked from the keyboard shows itself pressed a moment first. */
  g_assert_true (unknot_test_wait_until (has_reminder_days, GUINT_TO_POINTER (1), 3000));
  days = g_settings_get_strv (settings, "reminder-days");
  g_assert_cmpuint (g_strv_length (days), ==, 1);
  g_assert_cmpstr (days[0], ==, ids[day]);

  g_assert_true (unknot_test_wait_until (portal_was_asked, NULL, 5000));
  options = unknot_portal_service_get_background_request ();
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, !=, "");
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &commandline));
  g_assert_cmpstrv (commandline, ((const char *[]) { "unknot", "--gapplication-service", NULL }));

  hour = unknot_ui_test_find (dialog, is_hour_spin, NULL);
  g_assert_nonnull (hour);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), 7);
  time = g_settings_get_string (settings, "reminder-time");
  g_assert_cmpstr (time, ==, "07:00");

  /* Granted: the group says what reminders do, not that they only come while open. */
  scroll_to_end (dialog);
  g_assert_null (unknot_ui_test_find_label (dialog, "Reminders only while Unknot is open"));
  unknot_ui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (dialog)), "preferences-reminders");

  unknot_ui_test_click_button (dialog, label);
  g_assert_true (unknot_test_wait_until (has_reminder_days, GUINT_TO_POINTER (0), 3000));
  g_settings_reset (settings, "reminder-time");
  close_dialog (dialog);
}

static gboolean
says_only_while_open (gpointer dialog)
{
  return unknot_ui_test_find_label (dialog, "Reminders only while Unknot is open") != NULL;
}

/* Without the Background portal (a plain Debian 12 session), Preferences say that
 * reminders come only while Unknot is open; the setting is kept all the same. */
static void
test_preferences_no_background (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int day = (g_date_time_get_day_of_week (now) - 1 + 3) % 7;
  g_autoptr (GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);
  g_autoptr (GDateTime) date = g_date_time_add_days (monday, day);
  g_autofree char *label = g_date_time_format (date, "%a");
  GtkWidget *dialog;

  unknot_portal_service_set_background (FALSE);
  dialog = show_dialog ("app.preferences", "Reminders", "preferences");
  g_assert_false (says_only_while_open (dialog));
  unknot_ui_test_click_button (dialog, label);
  g_assert_true (unknot_test_wait_until (has_reminder_days, GUINT_TO_POINTER (1), 3000));
  g_assert_true (unknot_test_wait_until (says_only_while_open, dialog, 5000));
  scroll_to_end (dialog);
  unknot_ui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (dialog)),
                             "preferences-reminders-no-portal");

  unknot_ui_test_click_button (dialog, label);
  g_assert_true (unknot_test_wait_until (has_reminder_days, GUINT_TO_POINTER (0), 3000));
  unknot_portal_service_set_background (TRUE);
  close_dialog (dialog);
}

static void
test_about (void)
{
  GtkWidget *dialog = show_dialog ("app.about", "Unknot contributors", "about");

  /* By name: the tests are built against Debian 12's API, as the app is. */
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (dialog), ==,
                   UNKNOT_HAVE_ADW_DIALOG ? "AdwAboutDialog" : "AdwAboutWindow");
  close_dialog (dialog);
}

/* The file chooser in front of @window: GtkFileDialog and GtkFileChooserNative both show
 * GTK's own where no portal offers one, as on the tests' D-Bus. */
static GtkWindow *
find_file_chooser (UnknotWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return toplevel;
    }
  return NULL;
}

static gboolean
shows_routine_page (gpointer window)
{
  return g_strcmp0 (unknot_ui_test_get_page_name (window), "routine") == 0;
}

/* The chooser selects a file set to it once it has read its folder. */
static gboolean
chooser_has_file (gpointer chooser)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_autoptr (GFile) file = gtk_file_chooser_get_file (chooser);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return file != NULL;
}

/* Ctrl+O asks for a routine file and previews the one chosen. */
static void
test_open_with_chooser (void)
{
  UnknotWindow *window = get_window ();
  g_autofree char *path = unknot_test_source_path ("routines", "calves-and-achilles.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkWindow *chooser;

  show_library ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);
  chooser = find_file_chooser (window);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Open Routine");
  unknot_ui_test_screenshot (GTK_WIDGET (chooser), "open-routine-chooser");

  /* The app's own code sees only what the chooser returns; the chooser's API is the
   * test's way to pick a file, on every GTK, and its Open button accepts it. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (unknot_test_wait_until (chooser_has_file, chooser, 5000));
  unknot_ui_test_click_button (GTK_WIDGET (chooser), "_Open");

  g_assert_true (unknot_test_wait_until (shows_routine_page, window, 5000));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Calves and Achilles"));
  show_library ();
}

static void
test_open_routine (void)
{
  UnknotWindow *window = get_window ();
  UnknotLibrary *library = unknot_application_get_library (application);
  UnknotRoutine *routine = unknot_library_lookup (library, "post-run-recovery");

  g_assert_nonnull (routine);
  unknot_ui_test_activate (window, "win.show-routine", g_variant_new_string ("post-run-recovery"));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);

  g_assert_cmpstr (unknot_ui_test_get_page_name (window), ==, "routine");
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

/* How many problems the routine page lists. */
static guint
count_problems (void)
{
  return unknot_ui_test_count_rows (unknot_ui_test_get_child (get_routine_page (),
                                                              UNKNOT_TYPE_ROUTINE_PAGE,
                                                              "problem_list"));
}

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

  unknot_test_write_file (folder, "my-preview.xml", broken_routine);
  unknot_window_open_file (window, file);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);

  g_assert_null (unknot_routine_page_get_routine (get_routine_page ()));
  g_assert_cmpuint (count_problems (), ==, 1);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window),
                                               "line 5: unknown region 'calfs'"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "preview-broken");

  /* The author fixes the file in an editor; the page follows. */
  fixed = g_strdup (broken_routine);
  memcpy (strstr (fixed, "calfs\""), "feet\" ", 6);
  unknot_test_write_file (folder, "my-preview.xml", fixed);
  g_assert_true (unknot_test_wait_until (preview_is_valid, NULL, 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (count_problems (), ==, 0);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Add to Library"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "preview-fixed");

  unknot_test_remove_folder (folder);
}

/* A message that quotes an element, "<routine>", is shown as it is: libadwaita's rows
 * parse their texts as markup, and an unescaped "<" made GTK warn (fatal in tests) and
 * left the row without its message. */
static void
test_preview_problem_quoting_markup (void)
{
  UnknotWindow *window = get_window ();
  g_autofree char *folder = unknot_test_make_folder ("unknot-preview");
  g_autoptr (GFile) file = g_file_new_build_filename (folder, "quoting.xml", NULL);

  unknot_test_write_file (folder, "quoting.xml",
                          "<routine format='1' id='quoting'><name>Q</name>"
                          "<description>d</description><bogus/></routine>\n");
  unknot_window_open_file (window, file);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);

  g_assert_cmpuint (count_problems (), >=, 1);
  g_assert_nonnull (unknot_ui_test_find_label (
    GTK_WIDGET (window),
    "line 1: unknown element 'bogus' in <routine>; allowed here: name, description, author, "
    "license, safety, prepare, suits, step, rest"));
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

  show_library ();
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

  show_library ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 4);

  /* The content fits a phone-sized window: nothing forces it wider. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (get_library_page ())), <=, 360);
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
  g_test_add_func ("/ui/library/body-map-keyboard-focus", test_body_map_keyboard_focus);
  g_test_add_func ("/ui/library/search", test_search);
  g_test_add_func ("/ui/library/problem-fixed-live", test_library_problem_fixed_live);
  g_test_add_func ("/ui/library/preview-problem-quoting-markup",
                   test_preview_problem_quoting_markup);
  g_test_add_func ("/ui/library/narrow-window", test_narrow_window);
  g_test_add_func ("/ui/library/activate-row", test_activate_row);
  g_test_add_func ("/ui/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/ui/preferences", test_preferences);
  g_test_add_func ("/ui/preferences-reminders", test_preferences_reminders);
  g_test_add_func ("/ui/preferences-no-background", test_preferences_no_background);
  g_test_add_func ("/ui/about", test_about);
  g_test_add_func ("/ui/library/primary-menu", test_primary_menu);
  g_test_add_func ("/ui/routine/open", test_open_routine);
  g_test_add_func ("/ui/routine/open-with-chooser", test_open_with_chooser);
  g_test_add_func ("/ui/routine/preview-broken-then-fixed", test_preview_broken_then_fixed);

  status = g_test_run ();
  g_application_quit (G_APPLICATION (application));
  g_clear_object (&application);
  return status;
}
