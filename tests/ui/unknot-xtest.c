/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-xtest.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>
#include <gtk/gtk.h>

struct _UnknotXTest
{
  Display *display;
};

/* A connection of its own to the server in $DISPLAY, which must have XTEST. */
UnknotXTest *
unknot_xtest_open (void)
{
  UnknotXTest *self = g_new0 (UnknotXTest, 1);
  int event_base, error_base, major, minor;

  self->display = XOpenDisplay (NULL);
  if (self->display == NULL)
    g_error ("Cannot open the X display “%s”", XDisplayName (NULL));
  g_assert_true (XTestQueryExtension (self->display, &event_base, &error_base, &major, &minor));
  return self;
}

void
unknot_xtest_close (UnknotXTest *self)
{
  if (self == NULL)
    return;
  XCloseDisplay (self->display);
  g_free (self);
}

static gboolean
has_pid (UnknotXTest *self,
         Window       window,
         GPid         pid)
{
  Atom pid_atom = XInternAtom (self->display, "_NET_WM_PID", False);
  Atom type;
  int format;
  unsigned long n_items, remaining;
  unsigned char *data = NULL;
  gboolean matches = FALSE;

  if (XGetWindowProperty (self->display, window, pid_atom, 0, 1, False, XA_CARDINAL, &type,
                          &format, &n_items, &remaining, &data) == Success
      && data != NULL && n_items == 1 && format == 32)
    matches = *(unsigned long *) data == (unsigned long) pid;
  if (data != NULL)
    XFree (data);
  return matches;
}

static gboolean
is_viewable (UnknotXTest *self,
             Window       window)
{
  XWindowAttributes attributes;

  return XGetWindowAttributes (self->display, window, &attributes)
         && attributes.map_state == IsViewable;
}

/**
 * unknot_xtest_find_window:
 * @pid: the process whose window to find
 *
 * Returns: the first viewable top-level window of @pid (as its _NET_WM_PID says), or 0.
 */
gulong
unknot_xtest_find_window (UnknotXTest *self,
                          GPid         pid)
{
  Window root, parent, *children = NULL;
  unsigned int n_children = 0;
  gulong found = 0;

  if (!XQueryTree (self->display, DefaultRootWindow (self->display), &root, &parent, &children,
                   &n_children))
    return 0;
  for (unsigned int i = 0; i < n_children && found == 0; i++)
    if (has_pid (self, children[i], pid) && is_viewable (self, children[i]))
      found = children[i];
  if (children != NULL)
    XFree (children);
  return found;
}

/* Gives @window the keyboard, as a window manager would when it is clicked. */
void
unknot_xtest_focus (UnknotXTest *self,
                    gulong       window)
{
  XRaiseWindow (self->display, window);
  XSetInputFocus (self->display, window, RevertToPointerRoot, CurrentTime);
  XSync (self->display, False);
}

static void
send_key (UnknotXTest *self,
          KeySym       keysym,
          gboolean     press)
{
  KeyCode keycode = XKeysymToKeycode (self->display, keysym);

  g_assert_cmpuint (keycode, !=, 0);
  XTestFakeKeyEvent (self->display, keycode, press, CurrentTime);
}

/* The modifiers GTK's accelerators name, as the keys that make them. */
static const struct
{
  GdkModifierType modifier;
  KeySym keysym;
} modifier_keys[] = {
  { GDK_CONTROL_MASK, XK_Control_L },
  { GDK_SHIFT_MASK, XK_Shift_L },
  { GDK_ALT_MASK, XK_Alt_L },
};

/**
 * unknot_xtest_press:
 * @accelerator: in GTK's form, such as "<Control>q" or "Escape"
 *
 * Presses and releases the keys of @accelerator, the modifiers held around the key,
 * on whichever window has the keyboard.
 */
void
unknot_xtest_press (UnknotXTest *self,
                    const char  *accelerator)
{
  guint keyval = 0;
  GdkModifierType modifiers = 0;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));
  for (guint i = 0; i < G_N_ELEMENTS (modifier_keys); i++)
    if (modifiers & modifier_keys[i].modifier)
      send_key (self, modifier_keys[i].keysym, TRUE);
  /* GDK's key values are X key symbols. */
  send_key (self, keyval, TRUE);
  send_key (self, keyval, FALSE);
  for (guint i = G_N_ELEMENTS (modifier_keys); i-- > 0;)
    if (modifiers & modifier_keys[i].modifier)
      send_key (self, modifier_keys[i].keysym, FALSE);
  XSync (self->display, False);
}

/**
 * unknot_xtest_move_pointer:
 * @x: (in root window coordinates)
 *
 * Moves the pointer to @x, @y, as a mouse would.
 */
void
unknot_xtest_move_pointer (UnknotXTest *self,
                           int          x,
                           int          y)
{
  XTestFakeMotionEvent (self->display, -1, x, y, CurrentTime);
  XSync (self->display, False);
}

/**
 * unknot_xtest_click:
 * @window: the window @x and @y are in
 *
 * Moves the pointer to (@x, @y) of @window, and presses and releases the first button
 * there, as a mouse would.
 */
void
unknot_xtest_click (UnknotXTest *self,
                    gulong       window,
                    int          x,
                    int          y)
{
  Window child;
  int root_x, root_y;

  g_assert_true (XTranslateCoordinates (self->display, window, DefaultRootWindow (self->display),
                                        x, y, &root_x, &root_y, &child));
  XTestFakeMotionEvent (self->display, -1, root_x, root_y, CurrentTime);
  XSync (self->display, False);
  XTestFakeButtonEvent (self->display, 1, True, CurrentTime);
  XTestFakeButtonEvent (self->display, 1, False, CurrentTime);
  XSync (self->display, False);
}
