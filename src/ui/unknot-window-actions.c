/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-compat.h"
#include "unknot-open-dialog.h"
#include "unknot-stop-question.h"
#include "unknot-techniques-window.h"
#include "unknot-window-private.h"

/* The window's actions: the pages' buttons, the menus and the shortcuts name them. They
 * show pages, start the routine on show and command the run under way; which of them
 * are on follows the run (unknot_window_update_actions()). */

static const char *const player_actions[] = {
  "player.toggle", "player.previous", "player.next", "player.stop", "player.add-time",
  "player.replay-demonstration",
};

/* Actions that show another page. While a routine runs they are off: leaving the
 * player would hide the routine, still running, with no way back to it. */
static const char *const leaving_actions[] = {
  "win.show-library", "win.show-routine", "win.show-history", "win.open", "win.search",
  "win.show-routine-after-run",
};

/* The player's keys work only while a routine runs on screen; elsewhere Space and the
 * arrows keep their usual meaning. */
void
unknot_window_update_actions (UnknotWindow *self)
{
  gboolean running = unknot_window_is_running (self);
  gboolean on_player = g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "player") == 0;

  for (guint i = 0; i < G_N_ELEMENTS (player_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), player_actions[i], running && on_player);
  /* +15 s lengthens only a step, not the prepare, a switch gap or a rest. */
  if (running && on_player)
    {
      UnknotSession *session = unknot_run_get_session (self->run);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.add-time",
                                     unknot_session_can_add_time (session));
    }
  for (guint i = 0; i < G_N_ELEMENTS (leaving_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), leaving_actions[i], !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start",
                                 !running && unknot_window_get_shown_routine (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-from",
                                 !running && unknot_window_get_shown_routine (self) != NULL);
}

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  unknot_window_show_page (UNKNOT_WINDOW (widget), "library");
}

static void
show_routine_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotLibrary *library = unknot_application_get_library (unknot_window_get_app (self));
  UnknotRoutine *routine = unknot_library_lookup (library, g_variant_get_string (parameter, NULL));

  g_clear_pointer (&self->after_run_routine, g_free);
  if (routine != NULL)
    unknot_window_show_routine (self, routine);
}

/* ("routine-id", "run-kind-id"): a routine "Just ran?" suggested after that kind of run. */
static void
show_routine_after_run_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotLibrary *library = unknot_application_get_library (unknot_window_get_app (self));
  const char *id, *kind_id;
  UnknotRoutine *routine;
  guint kind;

  g_variant_get (parameter, "(&s&s)", &id, &kind_id);
  routine = unknot_library_lookup (library, id);
  if (routine == NULL || !unknot_vocabulary_lookup (UNKNOT_VOCABULARY_RUN_KIND, kind_id, &kind))
    return;
  unknot_window_show_routine (self, routine);
  g_free (self->after_run_routine);
  self->after_run_routine = g_strdup (id);
  self->after_run = kind;
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  unknot_window_get_history_page (self);
  unknot_window_show_page (self, "history");
}

/* The glossary of techniques, in a window of its own so that it opens from a running
 * routine too; at the technique the parameter names, if it names one. */
static void
show_techniques_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  guint technique;

  if (self->techniques == NULL)
    {
      self->techniques = GTK_WINDOW (unknot_techniques_window_new (
        unknot_application_get_library (unknot_window_get_app (self))));
      gtk_window_set_transient_for (self->techniques, GTK_WINDOW (self));
      g_object_add_weak_pointer (G_OBJECT (self->techniques), (gpointer *) &self->techniques);
    }
  if (unknot_vocabulary_lookup (UNKNOT_VOCABULARY_TECHNIQUE, g_variant_get_string (parameter,
                                                                                  NULL),
                                &technique))
    unknot_techniques_window_show_technique (UNKNOT_TECHNIQUES_WINDOW (self->techniques),
                                             technique);
  gtk_window_present (self->techniques);
}

/* Starts the routine the routine page shows at one of its items: "Start from this
 * step". */
static void
start_from_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotRoutine *routine = unknot_window_get_shown_routine (self);
  guint item = g_variant_get_uint32 (parameter);

  if (routine != NULL && !unknot_window_is_running (self)
      && item < unknot_routine_get_n_items (routine))
    unknot_window_start_routine_at (self, routine, item);
}

/* Starts the routine the routine page shows, which is also the one just run when the
 * summary's Repeat asks. */
static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotRoutine *routine = unknot_window_get_shown_routine (self);

  if (routine != NULL && !unknot_window_is_running (self))
    unknot_window_start_routine (self, routine);
}

static void
player_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotSession *session;

  if (!unknot_window_is_running (self))
    return;
  session = unknot_run_get_session (self->run);
  if (g_str_equal (action_name, "player.toggle"))
    unknot_session_toggle (session);
  else if (g_str_equal (action_name, "player.previous"))
    unknot_session_previous (session);
  else if (g_str_equal (action_name, "player.next"))
    unknot_session_next (session);
  else if (g_str_equal (action_name, "player.add-time"))
    unknot_session_add_time (session);
  else if (g_str_equal (action_name, "player.replay-demonstration"))
    unknot_player_page_replay_demonstration (unknot_window_get_player_page (self));
}

/* The question holds the run it asks about, so an answer stops no other. */
static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  if (unknot_window_is_running (self))
    unknot_stop_question_ask (GTK_WINDOW (self), self->run);
}

/* Full screen, and the player in its floor mode, together; see set_full_screen(). */
static void
set_full_screen (UnknotWindow *self,
                 gboolean      full_screen)
{
  self->full_screen = full_screen;
  unknot_player_page_set_floor_mode (unknot_window_get_player_page (self), full_screen);
}

/* F11 and the player's button. The floor mode follows what was asked at once, since a
 * window manager may take its time, or there may be none (a private X server). */
static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  set_full_screen (self, !self->full_screen);
  if (self->full_screen)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

/* The window manager's word is the last: leaving full screen its own way (or entering
 * it) ends (or starts) the floor mode too. */
void
unknot_window_on_fullscreened (UnknotWindow *self)
{
  gboolean full_screen = gtk_window_is_fullscreen (GTK_WINDOW (self));

  if (full_screen != self->full_screen)
    set_full_screen (self, full_screen);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  unknot_open_dialog_ask (UNKNOT_WINDOW (widget));
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  unknot_compat_present_shortcuts (GTK_APPLICATION_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  unknot_window_show_page (self, "library");
  unknot_library_page_start_search (self->library_page);
}

static void
export_history_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  unknot_history_exporter_choose_file (self->exporter, GTK_WINDOW (self));
}

void
unknot_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.show-routine", "s", show_routine_action);
  gtk_widget_class_install_action (widget_class, "win.show-routine-after-run", "(ss)",
                                   show_routine_after_run_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.show-techniques", "s",
                                   show_techniques_action);
  gtk_widget_class_install_action (widget_class, "win.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "win.start-from", "u", start_from_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.export-history", NULL,
                                   export_history_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  for (guint i = 0; i < G_N_ELEMENTS (player_actions); i++)
    gtk_widget_class_install_action (widget_class, player_actions[i], NULL,
                                     g_str_equal (player_actions[i], "player.stop")
                                     ? stop_action : player_action);
}
