/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-page-flow.h"
#include "unknot-paper.h"

/* How a handout's content goes onto pages: groups stay whole and move to the next page
 * when they do not fit; only a group taller than a page is split, between its items.
 * Each item records where it was drawn, on a recording surface per page. */

typedef struct
{
  guint id;
  GArray *drawn;   /* of Placed, shared by the items of a test */
} Item;

typedef struct
{
  guint id;
  double y;
} Placed;

static void
draw_item (cairo_t  *cr,
           double    x,
           double    y,
           gpointer  data)
{
  Item *item = data;
  Placed placed = { item->id, y };

  g_array_append_val (item->drawn, placed);
}

static void
add (UnknotPageFlow *flow,
     GArray         *drawn,
     guint           id,
     double          y,
     double          height)
{
  Item *item = g_new0 (Item, 1);

  item->id = id;
  item->drawn = drawn;
  unknot_page_flow_add (flow, 0, y, height, draw_item, item, g_free);
}

/* Which page item @id is drawn on, and where. */
static guint
find_page (UnknotPageFlow *flow,
           GArray         *drawn,
           guint           id,
           double         *y)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint found = G_MAXUINT;

  for (guint page = 0; page < unknot_page_flow_get_n_pages (flow) && found == G_MAXUINT; page++)
    {
      g_array_set_size (drawn, 0);
      unknot_page_flow_draw_page (flow, cr, page);
      for (guint i = 0; i < drawn->len; i++)
        if (g_array_index (drawn, Placed, i).id == id)
          {
            found = page;
                  *y = g_array_index (drawn, Placed, i).y;
          }
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return found;
}

/* A group that does not fit on what is left of a page starts the next one, whole. */
static void
test_group_moves_whole (void)
{
  g_autoptr (UnknotPageFlow) flow = unknot_page_flow_new (50, 750);
  g_autoptr (GArray) drawn = g_array_new (FALSE, FALSE, sizeof (Placed));
  double y;

  add (flow, drawn, 1, 0, 600);
  unknot_page_flow_end_group (flow, 10);
  add (flow, drawn, 2, 0, 40);
  add (flow, drawn, 3, 50, 40);   /* the group is 140 tall: past the 90 left */
  add (flow, drawn, 4, 100, 40);
  unknot_page_flow_end_group (flow, 10);

  g_assert_cmpuint (unknot_page_flow_get_n_pages (flow), ==, 2);
  g_assert_cmpuint (find_page (flow, drawn, 1, &y), ==, 0);
  g_assert_cmpfloat (y, ==, 50);
  g_assert_cmpuint (find_page (flow, drawn, 2, &y), ==, 1);
  g_assert_cmpfloat (y, ==, 50);
  g_assert_cmpuint (find_page (flow, drawn, 4, &y), ==, 1);
  g_assert_cmpfloat (y, ==, 150);
}

/* A group that fits stays on the page, right below the one before. */
static void
test_group_fits (void)
{
  g_autoptr (UnknotPageFlow) flow = unknot_page_flow_new (50, 750);
  g_autoptr (GArray) drawn = g_array_new (FALSE, FALSE, sizeof (Placed));
  double y;

  add (flow, drawn, 1, 0, 100);
  unknot_page_flow_end_group (flow, 14);
  add (flow, drawn, 2, 8, 100);
  unknot_page_flow_end_group (flow, 14);

  g_assert_cmpuint (unknot_page_flow_get_n_pages (flow), ==, 1);
  g_assert_cmpuint (find_page (flow, drawn, 2, &y), ==, 0);
  g_assert_cmpfloat (y, ==, 50 + 100 + 14 + 8);
}

/* A group taller than a page is split between items, never through one. */
static void
test_tall_group_splits_between_items (void)
{
  g_autoptr (UnknotPageFlow) flow = unknot_page_flow_new (50, 750);
  g_autoptr (GArray) drawn = g_array_new (FALSE, FALSE, sizeof (Placed));
  double y;

  add (flow, drawn, 1, 0, 100);
  unknot_page_flow_end_group (flow, 10);
  for (guint i = 0; i < 10; i++)
    add (flow, drawn, 10 + i, i * 100, 100);   /* 1000 tall: more than a page of 700 */
  unknot_page_flow_end_group (flow, 10);

  g_assert_cmpuint (unknot_page_flow_get_n_pages (flow), ==, 3);
  /* It starts on a new page, and its items run on to the next, each whole. */
  g_assert_cmpuint (find_page (flow, drawn, 10, &y), ==, 1);
  g_assert_cmpfloat (y, ==, 50);
  g_assert_cmpuint (find_page (flow, drawn, 16, &y), ==, 1);
  g_assert_cmpfloat (y, ==, 650);
  g_assert_cmpuint (find_page (flow, drawn, 17, &y), ==, 2);
  g_assert_cmpfloat (y, ==, 50);
  g_assert_cmpuint (find_page (flow, drawn, 19, &y), ==, 2);
  g_assert_cmpfloat (y, ==, 250);
}

/* Where the C library cannot say a locale's paper, the country decides. */
static void
test_paper_by_country (void)
{
  g_assert_true (unknot_paper_country_uses_letter ("en_US.UTF-8"));
  g_assert_true (unknot_paper_country_uses_letter ("es_MX"));
  g_assert_true (unknot_paper_country_uses_letter ("fr_CA.UTF-8@euro"));
  g_assert_false (unknot_paper_country_uses_letter ("en_GB.UTF-8"));
  g_assert_false (unknot_paper_country_uses_letter ("de_DE.UTF-8"));
  g_assert_false (unknot_paper_country_uses_letter ("C.UTF-8"));
  g_assert_false (unknot_paper_country_uses_letter (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drawing/page-flow/group-fits", test_group_fits);
  g_test_add_func ("/drawing/page-flow/group-moves-whole", test_group_moves_whole);
  g_test_add_func ("/drawing/page-flow/tall-group-splits-between-items",
                   test_tall_group_splits_between_items);
  g_test_add_func ("/drawing/paper/by-country", test_paper_by_country);
  return g_test_run ();
}
