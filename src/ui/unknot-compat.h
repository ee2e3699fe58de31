/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Which widgets the GTK and libadwaita we build against have. The app uses the current
 * ones where they exist and the older ones (the only ones on Debian 12) elsewhere; these
 * are the only version checks of the interface, and the tests ask them which path to
 * expect. */

/* AdwAlertDialog, AdwAboutDialog and AdwPreferencesDialog: dialogs shown inside the
 * window, which adapt to a narrow one. */
#define UNKNOT_HAVE_ADW_DIALOG ADW_CHECK_VERSION (1, 5, 0)
/* AdwShortcutsDialog, for GtkShortcutsWindow and the application window's help overlay. */
#define UNKNOT_HAVE_SHORTCUTS_DIALOG ADW_CHECK_VERSION (1, 8, 0)
/* GtkFileDialog, for GtkFileChooserNative. */
#define UNKNOT_HAVE_FILE_DIALOG GTK_CHECK_VERSION (4, 10, 0)
/* GtkFileLauncher that always asks which application to use: in a sandbox, the only way
 * to reach the user's text editor. */
#define UNKNOT_HAVE_FILE_LAUNCHER GTK_CHECK_VERSION (4, 12, 0)
/* The widget's own colour and libadwaita's accent colours, for GtkStyleContext's
 * named colours. */
#define UNKNOT_HAVE_COLORS_WITHOUT_STYLE_CONTEXT \
  (GTK_CHECK_VERSION (4, 10, 0) && ADW_CHECK_VERSION (1, 6, 0))

/* An alert with two answers: one that keeps things as they are (also what Escape and
 * Enter give) and one that destroys something. */
typedef struct
{
  const char *heading;
  const char *body;
  const char *keep_response;     /* its id and its label */
  const char *keep_label;
  const char *destroy_response;
  const char *destroy_label;
} UnknotAlert;

/* Called with the id of the answer, from the alert's "response" signal; the alert goes
 * away by itself. */
typedef void (*UnknotAlertAnswered) (GObject    *alert,
                                     const char *response,
                                     gpointer    owner);

/* Called with the file chosen, or NULL when the user cancelled. */
typedef void (*UnknotFileChosen) (GFile   *file,
                                  gpointer owner);

GObject  *unknot_compat_present_alert       (GtkWindow           *parent,
                                             const UnknotAlert   *alert,
                                             UnknotAlertAnswered  answered,
                                             gpointer             owner);

void      unknot_compat_present_about       (GtkWindow           *parent,
                                             const char          *first_property,
                                             ...) G_GNUC_NULL_TERMINATED;
void      unknot_compat_present_preferences (GtkWindow           *parent,
                                             AdwPreferencesPage  *page);
void      unknot_compat_present_shortcuts   (GtkApplicationWindow *window);
GtkWidget *unknot_compat_get_shown_dialog   (GtkWindow           *parent);
void      unknot_compat_close_dialog        (GtkWidget           *dialog);

void      unknot_compat_choose_file_to_open (GtkWindow           *parent,
                                             const char          *title,
                                             const char          *accept_label,
                                             GtkFileFilter       *filter,
                                             UnknotFileChosen     chosen,
                                             gpointer             owner);
void      unknot_compat_choose_file_to_save (GtkWindow           *parent,
                                             const char          *title,
                                             const char          *accept_label,
                                             const char          *initial_name,
                                             GtkFileFilter       *filter,
                                             UnknotFileChosen     chosen,
                                             gpointer             owner);

gboolean  unknot_compat_open_with_chosen_app (GtkWindow         *parent,
                                              GFile             *file);

gboolean  unknot_compat_lookup_color        (GtkWidget           *widget,
                                             const char          *name,
                                             GdkRGBA             *color);

void      unknot_compat_announce            (GtkWidget           *accessible,
                                             const char          *text);

G_END_DECLS
