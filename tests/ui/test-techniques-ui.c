/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk/x11/gdkx.h>
#include <string.h>

#include "unknot-demonstration.h"
#include "unknot-player-page.h"
#include "unknot-techniques-window.h"
#include "unknot-ui-test.h"
#include "unknot-xtest.h"

/* The glossary of techniques: opened from the main menu's action it lists all ten, each
 * with its demonstration, how to do it and the shipped routines that use it; opened from
 * the technique in a running step's facts, by a real key press, it shows that
 * technique, and the routine runs on. */

static UnknotApplication *application;
static UnknotXTest *xtest;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static UnknotTechniquesWindow *
find_techniques_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (UNKNOT_IS_TECHNIQUES_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return UNKNOT_TECHNIQUES_WINDOW (window);
    }
  return NULL;
}

static gboolean
is_open (gpointer data)
{
  return find_techniques_window () != NULL;
}

static gboolean
is_closed (gpointer data)
{
  return find_techniques_window () == NULL;
}

/* Whether the entry's top is in the visible part of the glossary. */
static gboolean
is_scrolled_into_view (gpointer data)
{
  UnknotTechniquesWindow *window = find_techniques_window ();
  GtkWidget *entry = unknot_techniques_window_get_entry (window, GPOINTER_TO_UINT (data));
  GtkWidget *viewport = gtk_widget_get_ancestor (entry, GTK_TYPE_VIEWPORT);
  graphene_point_t top;

  return gtk_widget_compute_point (entry, viewport, &GRAPHENE_POINT_INIT (0, 0), &top)
         && top.y >= -1 && top.y < gtk_widget_get_height (viewport) / 2.0;
}

static void
test_glossary_lists_every_technique (void)
{
  UnknotTechniquesWindow *glossary;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()), "win.show-techniques",
                                             "s", ""));
  g_assert_true (unknot_test_wait_until (is_open, NULL, 5000));
  glossary = find_techniques_window ();
  gtk_window_set_default_size (GTK_WINDOW (glossary), 700, 900);
  unknot_ui_test_wait_frames (GTK_WIDGET (glossary), 3);

  for (UnknotTechnique t = 0; t < UNKNOT_N_TECHNIQUES; t++)
    {
      GtkWidget *entry = unknot_techniques_window_get_entry (glossary, t);

      g_assert_true (UNKNOT_IS_DEMONSTRATION (gtk_widget_get_first_child (entry)));
      g_assert_nonnull (unknot_ui_test_find_label (entry, unknot_technique_get_label (t)));
    }
  /* Every technique is used by some routine that comes with the app. */
  for (UnknotTechnique t = 0; t < UNKNOT_N_TECHNIQUES; t++)
    g_assert_null (unknot_ui_test_find_label (
      unknot_techniques_window_get_entry (glossary, t),
      "No routine that comes with Unknot uses it yet."));

  for (UnknotTechnique t = 0; t < UNKNOT_N_TECHNIQUES; t++)
    unknot_demonstration_rest (
      UNKNOT_DEMONSTRATION (gtk_widget_get_first_child (
        unknot_techniques_window_get_entry (glossary, t))));
  unknot_ui_test_screenshot (GTK_WIDGET (glossary), "techniques");
  gtk_window_close (GTK_WINDOW (glossary));
  g_assert_true (unknot_test_wait_until (is_closed, NULL, 5000));
}

static gboolean
has_used_in (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LABEL (widget)
         && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), "Used in: ")
         && strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

static void
test_used_in (void)
{
  UnknotTechniquesWindow *glossary;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()), "win.show-techniques",
                                             "s", "petrissage"));
  g_assert_true (unknot_test_wait_until (is_open, NULL, 5000));
  glossary = find_techniques_window ();
  g_assert_nonnull (unknot_ui_test_find (
    unknot_techniques_window_get_entry (glossary, UNKNOT_TECHNIQUE_PETRISSAGE), has_used_in,
    "Post-run recovery"));
  g_assert_null (unknot_ui_test_find (
    unknot_techniques_window_get_entry (glossary, UNKNOT_TECHNIQUE_VIBRATION), has_used_in,
    "Post-run recovery"));
  g_assert_true (unknot_test_wait_until (is_scrolled_into_view,
                                         GUINT_TO_POINTER (UNKNOT_TECHNIQUE_PETRISSAGE), 5000));
  gtk_window_close (GTK_WINDOW (glossary));
  g_assert_true (unknot_test_wait_until (is_closed, NULL, 5000));
}

static gboolean
is_in_step (gpointer data)
{
  UnknotSession *session = unknot_run_get_session (unknot_window_get_run (get_window ()));
  UnknotSegment *segment = unknot_session_get_segment (session);

  return segment != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP;
}

/* In the player, the technique in the step's facts is a link: Enter on it opens the
 * glossary at that technique, over the running routine. */
static void
test_from_the_player (void)
{
  UnknotWindow *window = get_window ();
  GtkWidget *page;
  GtkLabel *details;
  UnknotRun *run;
  UnknotTechnique technique;

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "post-run-recovery", NULL));
  g_assert_true (unknot_test_wait_until (is_in_step, NULL, 20000));
  run = unknot_window_get_run (window);
  technique = unknot_step_get_technique (unknot_segment_get_step (
    unknot_session_get_segment (unknot_run_get_session (run))));
  page = unknot_ui_test_get_page (window, "player");
  details = unknot_ui_test_get_child (page, UNKNOT_TYPE_PLAYER_PAGE, "details_label");
  g_assert_nonnull (strstr (gtk_label_get_label (details), "<a href=\"technique:"));

  gtk_window_present (GTK_WINDOW (window));
  unknot_xtest_focus (xtest,
                     gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (details)));
  unknot_xtest_press (xtest, "Return");
  g_assert_true (unknot_test_wait_until (is_open, NULL, 5000));
  g_assert_true (unknot_test_wait_until (is_scrolled_into_view, GUINT_TO_POINTER (technique),
                                         5000));
  g_assert_true (unknot_run_get_active (run));
  unknot_ui_test_screenshot (GTK_WIDGET (find_techniques_window ()), "techniques-from-player");

  gtk_window_close (GTK_WINDOW (find_techniques_window ()));
  unknot_session_stop (unknot_run_get_session (run));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();
  xtest = unknot_xtest_open ();

  g_test_add_func ("/ui/techniques/every-technique", test_glossary_lists_every_technique);
  g_test_add_func ("/ui/techniques/used-in", test_used_in);
  g_test_add_func ("/ui/techniques/from-the-player", test_from_the_player);

  status = g_test_run ();
  unknot_xtest_close (xtest);
  g_clear_object (&application);
  return status;
}
