/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-page-flow.h"

/* Puts printed content onto pages, group by group: a group (a step with its picture,
 * the routine's heading) stays on one page, and starts a new page if it does not fit on
 * what is left of the current one. Only a group taller than a whole page is split, and
 * then between its items, never through one, so a reader never turns the page in the
 * middle of a line of instructions. */

typedef struct
{
  double x;
  double y;       /* in its group until placed, then on its page */
  double height;
  guint page;
  UnknotPageItemDraw draw;
  gpointer data;
  GDestroyNotify destroy;
} Item;

struct _UnknotPageFlow
{
  double top;
  double bottom;
  GArray *items;       /* of Item */
  guint group_start;   /* the first item of the group being added */
  guint page;          /* where the next group goes */
  double y;
};

static void
item_clear (gpointer data)
{
  Item *item = data;

  if (item->destroy != NULL)
    item->destroy (item->data);
}

/* @top, @bottom: the part of each page the flow fills, from the page's top edge. */
UnknotPageFlow *
unknot_page_flow_new (double top,
                      double bottom)
{
  UnknotPageFlow *self = g_new0 (UnknotPageFlow, 1);

  g_return_val_if_fail (bottom > top, NULL);
  self->top = top;
  self->bottom = bottom;
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->y = top;
  return self;
}

void
unknot_page_flow_free (UnknotPageFlow *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_free (self);
}

/**
 * unknot_page_flow_add:
 * @x: from the page's left edge
 * @y: from the top of the group
 * @destroy: (nullable): frees @data with the flow
 *
 * Adds an item to the group being made, which ends with unknot_page_flow_end_group().
 */
void
unknot_page_flow_add (UnknotPageFlow     *self,
                      double              x,
                      double              y,
                      double              height,
                      UnknotPageItemDraw  draw,
                      gpointer            data,
                      GDestroyNotify      destroy)
{
  Item item = { x, y, height, 0, draw, data, destroy };

  g_return_if_fail (self != NULL && draw != NULL);
  g_array_append_val (self->items, item);
}

static void
new_page (UnknotPageFlow *self)
{
  self->page++;
  self->y = self->top;
}

/* A group taller than a page: item by item, each on a new page when it does not fit. */
static void
place_split (UnknotPageFlow *self,
             guint           first)
{
  double origin = self->y;   /* where the group's top would be on the current page */
  double end = self->y;

  for (guint i = first; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      double y = origin + item->y;

      if (y + item->height > self->bottom && y > self->top)
        {
          new_page (self);
          origin = self->top - item->y;
          y = self->top;
          end = self->top;
        }
      item->page = self->page;
      item->y = y;
      end = MAX (end, y + item->height);
    }
  self->y = end;
}

/**
 * unknot_page_flow_end_group:
 * @space_after: the space between this group and the next, if on the same page
 *
 * Places the items added since the last group.
 *
 * Returns: the group's height.
 */
double
unknot_page_flow_end_group (UnknotPageFlow *self,
                            double          space_after)
{
  double height = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = self->group_start; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      height = MAX (height, item->y + item->height);
    }

  if (self->y + height > self->bottom && self->y > self->top)
    new_page (self);
  if (self->y + height > self->bottom)
    place_split (self, self->group_start);
  else
    {
      for (guint i = self->group_start; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);
          item->page = self->page;
          item->y += self->y;
        }
      self->y += height;
    }

  self->y += space_after;
  self->group_start = self->items->len;
  return height;
}

guint
unknot_page_flow_get_n_pages (UnknotPageFlow *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len == 0 ? 1 : g_array_index (self->items, Item,
                                                    self->items->len - 1).page + 1;
}

/* Draws the items on @page (from 0), in the page's coordinates. */
void
unknot_page_flow_draw_page (UnknotPageFlow *self,
                            cairo_t        *cr,
                            guint           page)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->group_start; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->page != page)
        continue;
      cairo_save (cr);
      item->draw (cr, item->x, item->y, item->data);
      cairo_restore (cr);
    }
}
