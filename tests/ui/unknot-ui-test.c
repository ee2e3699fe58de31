/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-ui-test.h"

#include "unknot-compat.h"
#include "unknot-notification-service.h"
#include "unknot-portal-service.h"
#include "unknot-session-manager-service.h"

#include <gdk/x11/gdkx.h>

#include <string.h>

#include <glib/gstdio.h>

/* A fresh home for the app's data, settings and caches, set before GLib reads and
 * caches the variables, so a test never touches the developer's files. */
static void
isolate_user_folders (void)
{
  const char *variables[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                              "XDG_STATE_HOME" };
  g_autofree char *root = unknot_test_make_folder ("unknot-ui-test");

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *folder = g_build_filename (root, variables[i], NULL);
      g_mkdir_with_parents (folder, 0700);
      g_setenv (variables[i], folder, TRUE);
    }
}

/* GTK 4.24's X11 backend warns "gdk_frame_timings_submitted() called on submitted frame"
 * once a popover shows on an X server without a compositor, as Xvfb is: a plain GTK
 * program with a menu button does the same. It says nothing about the app, so it is let
 * through as a test message; every other warning stays fatal. */
static gboolean
is_gtk_x11_frame_warning (const GLogField *fields,
                          gsize            n_fields)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  return g_strcmp0 (domain, "Gdk") == 0 && message != NULL
         && g_str_has_prefix (message, "gdk_frame_timings_submitted() called on submitted frame");
}

static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         data)
{
  if ((log_level & G_LOG_LEVEL_WARNING) && is_gtk_x11_frame_warning (fields, n_fields))
    {
      g_test_message ("GTK's own X11 warning, not the app's: "
                      "gdk_frame_timings_submitted() called on submitted frame");
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (log_level, fields, n_fields, data);
}

UnknotApplication *
unknot_ui_test_start_application (void)
{
  UnknotApplication *application;
  g_autoptr (GError) error = NULL;

  g_log_set_writer_func (write_log, NULL, NULL);
  isolate_user_folders ();
  unknot_notification_service_start ();
  unknot_session_manager_service_start ();
  unknot_portal_service_start ();
  application = unknot_application_new ();

  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  /* Pages slide in; a test should see and photograph where they end up. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_application_activate (G_APPLICATION (application));
  return application;
}

/* What the app has asked the desktop to inhibit (GtkApplicationInhibitFlags), through
 * whichever service this GTK asks: the session manager, or the portal from GTK 4.20 on. */
guint
unknot_ui_test_get_inhibited_flags (void)
{
  return unknot_session_manager_service_get_flags () | unknot_portal_service_get_flags ();
}

/* How many inhibitions the app holds, through either service. */
guint
unknot_ui_test_get_n_inhibitors (void)
{
  return unknot_session_manager_service_get_n_inhibitors ()
         + unknot_portal_service_get_n_inhibitors ();
}

/* The application's window, once it is mapped and has drawn a frame. */
UnknotWindow *
unknot_ui_test_get_window (UnknotApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  g_assert_nonnull (window);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  return UNKNOT_WINDOW (window);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *frames = data;
  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;
  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window lay out and draw @n_frames times, so what follows sees the result. */
void
unknot_ui_test_wait_frames (GtkWidget *widget,
                            guint      n_frames)
{
  guint frames = 0;
  gboolean timed_out = FALSE;
  guint tick = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  guint timeout = g_timeout_add (5000, on_timeout, &timed_out);

  gtk_widget_queue_draw (widget);
  while (frames < n_frames && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_remove_tick_callback (widget, tick);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
}

static gboolean
is_uniform (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (gsize i = 1; i < (gsize) width * height; i++)
    if (pixels[i] != pixels[0])
      return FALSE;
  return TRUE;
}

/**
 * unknot_ui_test_render:
 *
 * Returns: (transfer full): @widget rendered as the window renders it, one texel per
 *   pixel of its size
 */
GdkTexture *
unknot_ui_test_render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;

  unknot_ui_test_wait_frames (widget, 2);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/**
 * unknot_ui_test_screenshot:
 * @name: the file name without ".png"
 *
 * Renders @widget as the window renders it and saves it as a PNG in
 * $UNKNOT_SCREENSHOT_DIR (the test log folder), asserting that the picture is not blank.
 */
void
unknot_ui_test_screenshot (GtkWidget  *widget,
                           const char *name)
{
  const char *folder = g_getenv ("UNKNOT_SCREENSHOT_DIR");
  g_autoptr (GdkTexture) texture = unknot_ui_test_render (widget);
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *path = NULL;

  g_assert_false (is_uniform (texture));
  if (folder == NULL)
    folder = g_get_tmp_dir ();
  g_mkdir_with_parents (folder, 0755);
  path = g_build_filename (folder, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* @widget's bounds in @target's coordinates; both must share a window. */
graphene_rect_t
unknot_ui_test_get_bounds (GtkWidget *widget,
                           GtkWidget *target)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, target, &bounds));
  return bounds;
}

gboolean
unknot_ui_test_is_showing (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_child_visible (widget);
}

/* The first widget under @root, @root included and depth first, that @matches. */
GtkWidget *
unknot_ui_test_find (GtkWidget         *root,
                     UnknotUiTestMatch  matches,
                     gconstpointer      data)
{
  if (matches (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = unknot_ui_test_find (child, matches, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_mapped_of_type (GtkWidget     *widget,
                   gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type))
         && gtk_widget_get_mapped (widget);
}

/* The first mapped widget of @type under @root, @root included. */
GtkWidget *
unknot_ui_test_find_mapped (GtkWidget *root,
                            GType      type)
{
  return unknot_ui_test_find (root, is_mapped_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_mapped_label_with (GtkWidget     *widget,
                      gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && (strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL
             || strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL);
}

/* The first mapped label under @root whose text contains @text: as written (with its
 * mnemonic's "_" or its markup), or as shown. */
GtkWidget *
unknot_ui_test_find_label (GtkWidget  *root,
                           const char *text)
{
  return unknot_ui_test_find (root, is_mapped_label_with, text);
}

static gboolean
is_mapped_button_with (GtkWidget     *widget,
                       gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Clicks the mapped button labelled @label under @root, as the user would with the
 * keyboard; fails the test if there is none. */
void
unknot_ui_test_click_button (GtkWidget  *root,
                             const char *label)
{
  GtkWidget *button = unknot_ui_test_find (root, is_mapped_button_with, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
}

/* The dialog @window shows: inside it on a stack with AdwDialog, or in front of it. */
GtkWidget *
unknot_ui_test_get_dialog (UnknotWindow *window)
{
  return unknot_compat_get_shown_dialog (GTK_WINDOW (window));
}

/* The first event controller of @type that @widget has, or %NULL. */
GtkEventController *
unknot_ui_test_find_controller (GtkWidget *widget,
                                GType      type)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_EVENT_CONTROLLER (controller);
    }
  return NULL;
}

/**
 * unknot_ui_test_get_child:
 * @widget_type: the template's class, @widget's own or one of its parents
 * @name: the id of the object in the template
 *
 * Returns: (transfer none): the object, as the widget's template made it; what a test
 *   inspects the way a user sees it, without getters made for tests.
 */
gpointer
unknot_ui_test_get_child (gpointer    widget,
                          GType       widget_type,
                          const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), widget_type, name);

  g_assert_nonnull (child);
  return child;
}

static GtkStack *
get_pages (UnknotWindow *window)
{
  return GTK_STACK (unknot_ui_test_get_child (window, UNKNOT_TYPE_WINDOW, "pages"));
}

/* The name of the page on show: "library", "routine", "player", "summary" or "history". */
const char *
unknot_ui_test_get_page_name (UnknotWindow *window)
{
  return gtk_stack_get_visible_child_name (get_pages (window));
}

/* Returns: (transfer none): the page of that name; it must have been shown once. */
GtkWidget *
unknot_ui_test_get_page (UnknotWindow *window,
                         const char   *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (get_pages (window), name);

  g_assert_nonnull (page);
  return page;
}

/* Activates a window action as its button or key would, which must be enabled. */
void
unknot_ui_test_activate (UnknotWindow *window,
                         const char   *action,
                         GVariant     *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
}

/* How many rows a list box shows. */
guint
unknot_ui_test_count_rows (gpointer list_box)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child))
      n++;
  return n;
}

/* The close button of a toast on show: the one in libadwaita's toast widget. */
static gboolean
is_toast_close_button (GtkWidget     *widget,
                       gconstpointer  data)
{
  GType toast_widget = g_type_from_name ("AdwToastWidget");

  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) && toast_widget != 0
         && gtk_widget_get_ancestor (widget, toast_widget) != NULL
         && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)),
                       "window-close-symbolic") == 0;
}

/* Closes the toast on show with its close button, as a user would; the next one waiting,
 * if any, then shows. */
void
unknot_ui_test_close_toast (UnknotWindow *window)
{
  GtkWidget *close = unknot_ui_test_find (GTK_WIDGET (window), is_toast_close_button, NULL);

  g_assert_nonnull (close);
  gtk_widget_activate (close);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
}

/* Raises @window and gives it the X server's keyboard focus, for real key presses. */
void
unknot_ui_test_focus_window (UnknotXTest *xtest,
                             GtkWindow   *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  gtk_window_present (window);
  unknot_xtest_focus (xtest, gdk_x11_surface_get_xid (surface));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
}

/* Clicks @widget with the X server's pointer, halfway down and @x_fraction of the way
 * across (0.5: its middle), and lets its window draw what the click did. */
void
unknot_ui_test_click (UnknotXTest *xtest,
                      GtkWidget   *widget,
                      double       x_fraction)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) * x_fraction,
                                                gtk_widget_get_height (widget) / 2.0);
  graphene_point_t in_window;
  double surface_x, surface_y;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &point, &in_window));
  /* A widget scrolled out of sight is mapped all the same; the click would miss. */
  g_assert_cmpfloat (in_window.y, >=, 0);
  g_assert_cmpfloat (in_window.y, <, gtk_widget_get_height (GTK_WIDGET (native)));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  unknot_xtest_click (xtest, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                      (int) (in_window.x + surface_x), (int) (in_window.y + surface_y));
  unknot_ui_test_wait_frames (GTK_WIDGET (native), 3);
}
