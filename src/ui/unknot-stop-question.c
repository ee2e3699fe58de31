/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-stop-question.h"

#include <glib/gi18n.h>

#include "unknot-compat.h"

/* Stopping by accident would lose the rest of the routine, so Escape asks first; the
 * time spent so far is recorded either way. The routine holds still while the question
 * is open, so that reading it costs nothing of the step, and goes on from there on
 * "Continue" (unless it was already paused: then it stays so). The answer goes to the
 * run asked about: it does nothing once that run has ended or is gone. */

#define PAUSED_BY_QUESTION "unknot-paused-by-question"

static void
on_response (GObject    *alert,
             const char *response,
             gpointer    run)
{
  if (!unknot_run_get_active (run))
    return;
  if (g_str_equal (response, "stop"))
    unknot_run_stop (run);
  else if (g_object_get_data (alert, PAUSED_BY_QUESTION) != NULL)
    unknot_session_resume (unknot_run_get_session (run));
}

/**
 * unknot_stop_question_ask:
 * @parent: the window the question belongs to; it goes with the window
 * @run: the run to stop if the answer is Stop
 *
 * Asks whether to stop @run, and stops it if so; a running routine is paused while
 * the question is open, and resumed on "Continue".
 */
void
unknot_stop_question_ask (GtkWindow *parent,
                          UnknotRun *run)
{
  const UnknotAlert alert = {
    .heading = _("Stop the Routine?"),
    .body = _("The steps you have done so far are kept in your history."),
    .keep_response = "continue",
    .keep_label = _("_Continue"),
    .destroy_response = "stop",
    .destroy_label = _("_Stop"),
  };
  UnknotSession *session;
  gboolean was_running;
  GObject *shown;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (UNKNOT_IS_RUN (run));

  session = unknot_run_get_session (run);
  was_running = unknot_session_get_state (session) == UNKNOT_SESSION_RUNNING;
  if (was_running)
    unknot_session_pause (session);
  shown = unknot_compat_present_alert (parent, &alert, on_response, run);
  g_object_set_data (shown, PAUSED_BY_QUESTION, GINT_TO_POINTER (was_running));
}
