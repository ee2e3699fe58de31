/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-demonstration.h"
#include "unknot-routine-page.h"
#include "unknot-ui-test.h"
#include "unknot-xtest.h"

/* The routine page's steps, with real key presses and clicks through the X server: a
 * step's row expands from the keyboard and from a click to show its instructions and
 * its demonstration, and "Start From This Step" starts the routine at that step. */

static UnknotApplication *application;
static UnknotXTest *xtest;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static UnknotRoutine *
get_routine (void)
{
  return unknot_library_lookup (unknot_application_get_library (application),
                                "post-run-recovery");
}

static AdwExpanderRow *
get_step_row (guint n)
{
  GtkWidget *page = unknot_ui_test_get_page (get_window (), "routine");
  GtkListBox *list = unknot_ui_test_get_child (page, UNKNOT_TYPE_ROUTINE_PAGE, "step_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, n);

  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  return ADW_EXPANDER_ROW (row);
}

/* Scrolls the page so that @widget's top is in sight, for the screenshot. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t top;

  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_adjustment_set_value (adjustment, top.y - 12);
  unknot_ui_test_wait_frames (widget, 3);
}

static gboolean
is_expanded (gpointer data)
{
  return adw_expander_row_get_expanded (data);
}

static gboolean
is_collapsed (gpointer data)
{
  return !adw_expander_row_get_expanded (data);
}

/* The mapped button labelled @label under @root. */
static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
show_routine_page (void)
{
  unknot_ui_test_activate (get_window (), "win.show-routine",
                           g_variant_new_string ("post-run-recovery"));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  g_assert_cmpstr (unknot_ui_test_get_page_name (get_window ()), ==, "routine");
}

/* Tab to the first step and press Enter: it opens, with its instructions and its
 * demonstration; a click opens the second. */
static void
test_expand_by_keyboard_and_click (void)
{
  UnknotStep *first = unknot_routine_get_item (get_routine (), 0);
  AdwExpanderRow *row, *second_row;
  GtkWidget *header;

  show_routine_page ();
  row = get_step_row (0);
  second_row = get_step_row (1);
  g_assert_false (adw_expander_row_get_expanded (row));
  g_assert_null (unknot_ui_test_find_label (GTK_WIDGET (row),
                                            unknot_step_get_instructions (first)));

  unknot_ui_test_focus_window (xtest, GTK_WINDOW (get_window ()));
  header = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (row)));
  while (header != NULL && !GTK_IS_LIST_BOX_ROW (header))
    header = gtk_widget_get_first_child (header);
  g_assert_nonnull (header);
  g_assert_true (gtk_widget_grab_focus (header));
  unknot_xtest_press (xtest, "Return");
  g_assert_true (unknot_test_wait_until (is_expanded, row, 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (row),
                                               unknot_step_get_instructions (first)));
  g_assert_nonnull (unknot_ui_test_find_mapped (GTK_WIDGET (row), UNKNOT_TYPE_DEMONSTRATION));
  scroll_to (GTK_WIDGET (row));
  unknot_ui_test_screenshot (GTK_WIDGET (get_window ()), "routine-step-expanded");
  g_assert_true (gtk_widget_grab_focus (header));

  /* Enter again closes it; then a click on the next step opens that one. */
  unknot_xtest_press (xtest, "Return");
  g_assert_true (unknot_test_wait_until (is_collapsed, row, 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  unknot_ui_test_click (xtest, GTK_WIDGET (second_row), 0.25);
  g_assert_true (unknot_test_wait_until (is_expanded, second_row, 3000));
}

static gboolean
is_in_step (gpointer data)
{
  UnknotRun *run = unknot_window_get_run (get_window ());
  UnknotSegment *segment = run ? unknot_session_get_segment (unknot_run_get_session (run))
                               : NULL;

  return segment != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP;
}

/* Space on the second step's "Start From This Step" starts the routine at that step. */
static void
test_start_from_step (void)
{
  UnknotStep *second = unknot_routine_get_item (get_routine (), 1);
  AdwExpanderRow *row;
  GtkWidget *start;
  UnknotSession *session;

  show_routine_page ();
  row = get_step_row (1);
  adw_expander_row_set_expanded (row, TRUE);
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  start = unknot_ui_test_find (GTK_WIDGET (row), is_button_labelled, "Start _From This Step");
  g_assert_nonnull (start);

  unknot_application_set_speed (application, 1.0);
  unknot_ui_test_focus_window (xtest, GTK_WINDOW (get_window ()));
  g_assert_true (gtk_widget_grab_focus (start));
  unknot_xtest_press (xtest, "space");
  g_assert_true (unknot_test_wait_until (is_in_step, NULL, 5000));
  g_assert_cmpstr (unknot_ui_test_get_page_name (get_window ()), ==, "player");
  session = unknot_run_get_session (unknot_window_get_run (get_window ()));
  g_assert_true (unknot_segment_get_step (unknot_session_get_segment (session)) == second);
  g_assert_cmpuint (unknot_segment_get_step_number (unknot_session_get_segment (session)), ==, 2);
  unknot_session_stop (session);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();
  xtest = unknot_xtest_open ();

  g_test_add_func ("/ui/routine-steps/expand", test_expand_by_keyboard_and_click);
  g_test_add_func ("/ui/routine-steps/start-from-step", test_start_from_step);

  status = g_test_run ();
  unknot_xtest_close (xtest);
  g_clear_object (&application);
  return status;
}
