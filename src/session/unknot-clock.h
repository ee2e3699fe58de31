/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_CLOCK (unknot_clock_get_type ())
G_DECLARE_DERIVABLE_TYPE (UnknotClock, unknot_clock, UNKNOT, CLOCK, GObject)

/* Called once when a deadline is reached; the deadline is gone by then. */
typedef void (*UnknotClockFunc) (gpointer user_data);

struct _UnknotClockClass
{
  GObjectClass parent_class;

  gint64 (*get_time)        (UnknotClock     *self);
  guint  (*add_deadline)    (UnknotClock     *self,
                             gint64           deadline,
                             UnknotClockFunc  func,
                             gpointer         user_data);
  void   (*remove_deadline) (UnknotClock     *self,
                             guint            id);

  gpointer padding[8];
};

UnknotClock *unknot_clock_get_default     (void);
gint64       unknot_clock_get_time        (UnknotClock     *self);
guint        unknot_clock_add_deadline    (UnknotClock     *self,
                                           gint64           deadline,
                                           UnknotClockFunc  func,
                                           gpointer         user_data);
void         unknot_clock_remove_deadline (UnknotClock     *self,
                                           guint            id);

G_END_DECLS
