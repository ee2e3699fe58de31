/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-body-map.h"
#include "unknot-duration.h"
#include "unknot-format.h"
#include "unknot-player-page.h"
#include "unknot-timer-ring.h"

/* A routine as it runs, to be read from across the room: the time left in large
 * figures inside a ring that empties, the step and what to do, the region and side lit
 * on the body map, the cue text when it comes, and what is next.
 *
 * The page only shows what the session says; it never counts time itself. The figures
 * follow the session's whole-second notifications; the ring is redrawn a few times a
 * second from the session's exact time left, which is smooth enough at its size and
 * keeps the app nearly idle while a routine runs. */

#define RING_UPDATE_MS 250
#define CUE_SHOWN_MS 8000

struct _UnknotPlayerPage
{
  GtkWidget parent_instance;

  AdwWindowTitle *window_title;
  GtkLabel *speed_label;
  GtkProgressBar *overall_progress;
  UnknotTimerRing *ring;
  UnknotBodyMap *body_map;
  GtkLabel *title_label;
  GtkLabel *details_label;
  GtkRevealer *cue_revealer;
  GtkLabel *cue_label;
  GtkLabel *instructions_label;
  GtkButton *toggle_button;
  GtkLabel *next_label;

  UnknotSession *session;
  const char *phase;  /* the ring's caption: "Left side", "Switch sides", "Paused" … */
  guint ring_source;
  guint cue_source;
};

G_DEFINE_FINAL_TYPE (UnknotPlayerPage, unknot_player_page, GTK_TYPE_WIDGET)

static void
update_time (UnknotPlayerPage *self)
{
  /* Whole seconds rounded up, as a countdown shows them: 0:00 only when time is up. */
  gint64 seconds = unknot_session_get_remaining_seconds (self->session);
  g_autofree char *time = unknot_duration_format_clock (seconds * 1000);

  unknot_timer_ring_set_text (self->ring, time, self->phase);
  gtk_progress_bar_set_fraction (self->overall_progress,
                                 unknot_session_get_progress (self->session));
}

static void
update_ring (UnknotPlayerPage *self)
{
  UnknotSegment *segment = unknot_session_get_segment (self->session);
  gint64 duration = segment ? unknot_segment_get_duration (segment) : 0;

  unknot_timer_ring_set_fraction (self->ring, duration > 0
                                  ? (double) unknot_session_get_remaining (self->session) / duration
                                  : 0.0);
}

static gboolean
on_ring_timeout (gpointer data)
{
  update_ring (data);
  return G_SOURCE_CONTINUE;
}

static const char *
phase_text (UnknotSegment *segment)
{
  switch (unknot_segment_get_kind (segment))
    {
    case UNKNOT_SEGMENT_PREPARE: return _("Get ready");
    case UNKNOT_SEGMENT_SWITCH: return _("Switch sides");
    case UNKNOT_SEGMENT_REST: return _("Rest");
    case UNKNOT_SEGMENT_STEP:
    default:
      return unknot_segment_get_side (segment) == UNKNOT_SIDE_BOTH
             ? "" : unknot_side_get_label (unknot_segment_get_side (segment));
    }
}

/* During a switch, the side that comes next is lit, so the runner knows where to go. */
static UnknotSide
lit_side (UnknotSegment *segment)
{
  if (unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_SWITCH)
    return UNKNOT_SIDE_RIGHT;
  return unknot_segment_get_side (segment);
}

/* The next segment that is a step, from @index on, or NULL. */
static UnknotSegment *
find_step_from (UnknotPlayerPage *self,
                guint             index)
{
  for (guint i = index; i < unknot_session_get_n_segments (self->session); i++)
    {
      UnknotSegment *segment = unknot_session_get_segment_at (self->session, i);
      if (unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP)
        return segment;
    }
  return NULL;
}

static void
show_step_details (UnknotPlayerPage *self,
                   UnknotSegment    *step_segment)
{
  UnknotStep *step = unknot_segment_get_step (step_segment);
  g_autofree char *facts = unknot_format_step_facts (step);

  gtk_label_set_label (self->details_label, facts);
  gtk_label_set_label (self->instructions_label, unknot_step_get_instructions (step));
  unknot_body_map_set_highlight (self->body_map, 1u << unknot_step_get_region (step),
                                 lit_side (step_segment));
}

static void
show_step (UnknotPlayerPage *self,
           UnknotSegment    *segment)
{
  UnknotStep *step = unknot_segment_get_step (segment);
  UnknotSegment *coming;
  g_autofree char *subtitle = NULL;
  guint n_steps = unknot_routine_get_n_steps (unknot_session_get_routine (self->session));

  if (unknot_segment_get_kind (segment) != UNKNOT_SEGMENT_STEP)
    {
      /* Getting ready, switching sides or resting: say so in large letters, and show
       * what comes, so the runner can get into place. */
      gtk_label_set_label (self->title_label, phase_text (segment));
      coming = find_step_from (self, unknot_session_get_segment_index (self->session));
      if (coming != NULL)
        show_step_details (self, coming);
      else
        {
          gtk_label_set_label (self->details_label, "");
          gtk_label_set_label (self->instructions_label, "");
          unknot_body_map_set_highlight (self->body_map, 0, UNKNOT_SIDE_BOTH);
        }
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  gtk_label_set_label (self->title_label, unknot_step_get_title (step));
  show_step_details (self, segment);

  /* Translators: where the runner is in the routine, such as "Step 3 of 8" */
  subtitle = g_strdup_printf (_("Step %u of %u"), unknot_segment_get_step_number (segment),
                              n_steps);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
show_next (UnknotPlayerPage *self)
{
  guint index = unknot_session_get_segment_index (self->session);
  g_autofree char *text = NULL;

  if (index + 1 < unknot_session_get_n_segments (self->session))
    {
      g_autofree char *next =
        unknot_segment_describe (unknot_session_get_segment_at (self->session, index + 1));
      /* Translators: %s describes the coming segment, such as "Right side · Calves" */
      text = g_strdup_printf (_("Next: %s"), next);
    }
  else
    text = g_strdup (_("Last one"));
  gtk_label_set_label (self->next_label, text);
}

static void
hide_cue (UnknotPlayerPage *self)
{
  g_clear_handle_id (&self->cue_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->cue_revealer, FALSE);
}

static void
on_segment_changed (UnknotPlayerPage *self)
{
  UnknotSegment *segment = unknot_session_get_segment (self->session);
  gboolean is_switch;

  if (segment == NULL)
    return;

  is_switch = unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_SWITCH;
  self->phase = phase_text (segment);
  /* The switch is a moment of its own: its title in the accent colour. */
  if (is_switch)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "switch-sides");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "switch-sides");

  hide_cue (self);
  show_step (self, segment);
  show_next (self);
  update_time (self);
  update_ring (self);
}

static gboolean
on_cue_timeout (gpointer data)
{
  UnknotPlayerPage *self = data;

  self->cue_source = 0;
  gtk_revealer_set_reveal_child (self->cue_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_cue (UnknotSession    *session,
        UnknotCueEvent   *event,
        UnknotPlayerPage *self)
{
  if (unknot_cue_event_get_kind (event) != UNKNOT_CUE_EVENT_STEP_CUE)
    return;

  gtk_label_set_label (self->cue_label, unknot_cue_event_get_text (event));
  gtk_revealer_set_reveal_child (self->cue_revealer, TRUE);
  g_clear_handle_id (&self->cue_source, g_source_remove);
  self->cue_source = g_timeout_add (CUE_SHOWN_MS / unknot_session_get_speed (session),
                                    on_cue_timeout, self);
}

static void
on_state_changed (UnknotPlayerPage *self)
{
  UnknotSessionState state = unknot_session_get_state (self->session);
  gboolean running = state == UNKNOT_SESSION_RUNNING;

  gtk_button_set_icon_name (self->toggle_button, running ? "media-playback-pause-symbolic"
                                                         : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->toggle_button),
                               running ? _("Pause") : _("Resume"));

  g_clear_handle_id (&self->ring_source, g_source_remove);
  if (running)
    self->ring_source = g_timeout_add (RING_UPDATE_MS, on_ring_timeout, self);
  if (state == UNKNOT_SESSION_PAUSED)
    self->phase = _("Paused");
  else if (unknot_session_get_segment (self->session) != NULL)
    self->phase = phase_text (unknot_session_get_segment (self->session));
  update_time (self);
  update_ring (self);
}

static void
disconnect_session (UnknotPlayerPage *self)
{
  g_clear_handle_id (&self->ring_source, g_source_remove);
  g_clear_handle_id (&self->cue_source, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
}

static void
unknot_player_page_dispose (GObject *object)
{
  UnknotPlayerPage *self = UNKNOT_PLAYER_PAGE (object);

  disconnect_session (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_PLAYER_PAGE);

  G_OBJECT_CLASS (unknot_player_page_parent_class)->dispose (object);
}

static void
unknot_player_page_class_init (UnknotPlayerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_player_page_dispose;

  g_type_ensure (UNKNOT_TYPE_TIMER_RING);
  g_type_ensure (UNKNOT_TYPE_BODY_MAP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/unknot/Unknot/ui/unknot-player-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, speed_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, overall_progress);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, ring);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, body_map);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, cue_revealer);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, cue_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, toggle_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, next_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
unknot_player_page_init (UnknotPlayerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show_speed (UnknotPlayerPage *self)
{
  double speed = unknot_session_get_speed (self->session);
  g_autofree char *text = NULL;

  /* Translators: how many times faster than real time a preview runs, such as "×10" */
  text = g_strdup_printf (_("×%g"), speed);
  gtk_label_set_label (self->speed_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->speed_label), speed != 1.0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->speed_label),
                               _("Timers run faster than real time, to preview the routine"));
}

void
unknot_player_page_set_session (UnknotPlayerPage *self,
                                UnknotSession    *session)
{
  g_return_if_fail (UNKNOT_IS_PLAYER_PAGE (self));
  g_return_if_fail (UNKNOT_IS_SESSION (session));

  disconnect_session (self);
  self->session = g_object_ref (session);

  adw_window_title_set_title (self->window_title,
                              unknot_routine_get_name (unknot_session_get_routine (session)));
  show_speed (self);
  g_signal_connect_swapped (session, "notify::segment", G_CALLBACK (on_segment_changed), self);
  g_signal_connect_swapped (session, "notify::remaining", G_CALLBACK (update_time), self);
  g_signal_connect_swapped (session, "notify::state", G_CALLBACK (on_state_changed), self);
  g_signal_connect (session, "cue", G_CALLBACK (on_cue), self);
  on_segment_changed (self);
  on_state_changed (self);
}

/* Returns: (transfer none) (nullable): the session on show. */
UnknotSession *
unknot_player_page_get_session (UnknotPlayerPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYER_PAGE (self), NULL);
  return self->session;
}

/* What the page shows, for tests and accessibility checks. */
const char *
unknot_player_page_get_title (UnknotPlayerPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYER_PAGE (self), NULL);
  return gtk_label_get_label (self->title_label);
}

const char *
unknot_player_page_get_time (UnknotPlayerPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYER_PAGE (self), NULL);
  return unknot_timer_ring_get_text (self->ring);
}

guint32
unknot_player_page_get_lit_regions (UnknotPlayerPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYER_PAGE (self), 0);
  return unknot_body_map_get_highlight (self->body_map);
}
