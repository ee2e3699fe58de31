/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "unknot-auto-hide.h"
#include "unknot-announce.h"
#include "unknot-body-map.h"
#include "unknot-demonstration.h"
#include "unknot-duration.h"
#include "unknot-format.h"
#include "unknot-player-page.h"
#include "unknot-step-picture.h"
#include "unknot-timer-ring.h"

/* A routine as it runs, to be read from across the room: the time left in large
 * figures inside a ring that empties, the step and what to do, the region and side lit
 * on the body map, the step's picture (mirrored for the right side, since authors draw
 * the left one), the cue text when it comes, and what is next.
 *
 * Beside the timer, the technique is demonstrated on the region, moving for a few cycles
 * at the start of each step and side and then still (unknot-demonstration.c). With the
 * body map beside it, the runner sees where on the body and how; an author's picture
 * takes the body map's place, as it shows more than the map does.
 *
 * The page only shows what the session says; it never counts time itself. The figures
 * and the ring both follow the session's whole-second notifications, which come on the
 * second: one small redraw a second, as a desktop clock's timer does, and nothing else
 * of the window changes meanwhile (the progress bar only when it grows by a pixel). A
 * sequence of pictures follows the same notifications: its pictures last whole seconds,
 * so one that is due is always due on the second. */

#define CUE_SHOWN_MS 8000
/* How wide the page's content may grow: its usual width, and in floor mode the screen. */
#define CONTENT_WIDTH 760
#define FLOOR_CONTENT_WIDTH 4000

struct _UnknotPlayerPage
{
  AdwBin parent_instance;

  GtkRevealer *header_revealer;
  GtkButton *floor_button;
  AdwClamp *content_clamp;
  AdwWindowTitle *window_title;
  GtkLabel *speed_label;
  GtkProgressBar *overall_progress;
  UnknotTimerRing *ring;
  UnknotBodyMap *body_map;
  UnknotDemonstration *demonstration;
  GtkLabel *title_label;
  GtkLabel *details_label;
  GtkRevealer *cue_revealer;
  GtkLabel *cue_label;
  UnknotStepPicture *picture;
  GtkLabel *instructions_label;
  GtkButton *toggle_button;
  GtkButton *next_button;
  GtkLabel *next_label;
  GtkLabel *status_label;

  UnknotRun *run;
  UnknotSession *session;       /* the run's */
  GSignalGroup *session_signals;
  const char *phase;  /* the ring's caption: "Left side", "Switch sides", "Paused" … */
  guint cue_source;
  int progress_pixels;  /* how far the progress bar was last drawn, or -1 */
  UnknotAutoHide *header_hider;
  gboolean floor_mode;
  UnknotSessionState said_state; /* the last state announced */
  UnknotPictureSequence *pictures; /* the pictures of the step or side shown, or NULL */
  gboolean pictures_mirrored;
  char *pictures_label;          /* what a screen reader says of them: the step's title */
  guint frame;                   /* which of them is shown, or G_MAXUINT before any */
};

enum
{
  PROP_0,
  PROP_RUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotPlayerPage, unknot_player_page, ADW_TYPE_BIN)

/* The progress bar only when it would move on screen: a long routine's progress
 * changes by less than a pixel most seconds. */
static void
update_progress (UnknotPlayerPage *self)
{
  double progress = unknot_session_get_progress (self->session);
  int pixels = (int) (progress * gtk_widget_get_width (GTK_WIDGET (self->overall_progress)));

  if (pixels == self->progress_pixels && progress > 0.0 && progress < 1.0)
    return;
  self->progress_pixels = pixels;
  gtk_progress_bar_set_fraction (self->overall_progress, progress);
}

/* The ring as the figures in it: on the whole second. */
static void
update_ring (UnknotPlayerPage *self)
{
  UnknotSegment *segment = unknot_session_get_segment (self->session);
  gint64 duration = segment ? unknot_segment_get_duration (segment) : 0;

  unknot_timer_ring_set_fraction (self->ring, duration > 0
                                  ? (double) unknot_session_get_remaining (self->session) / duration
                                  : 0.0);
  unknot_timer_ring_set_seconds (self->ring, unknot_session_get_remaining_seconds (self->session),
                                 (duration + 999) / 1000);
}

/* How far into the segment under way the session is, in routine ms. */
static gint64
get_segment_elapsed (UnknotPlayerPage *self,
                     UnknotSegment    *segment)
{
  return unknot_segment_get_duration (segment) - unknot_session_get_remaining (self->session);
}

/* The picture of the sequence that belongs to this moment of the side. The moment is
 * the session's, not a timer of our own, so that a pause holds the picture, going back
 * starts the sequence over and --speed speeds it up; and only a change of picture
 * reaches the widget. While getting ready, switching sides or resting, the coming
 * step's first picture stands still. */
static void
update_picture (UnknotPlayerPage *self)
{
  UnknotSegment *segment = unknot_session_get_segment (self->session);
  guint frame = 0;

  if (self->pictures == NULL)
    return;
  if (segment != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP)
    frame = unknot_picture_sequence_get_frame_at (self->pictures,
                                                  get_segment_elapsed (self, segment));
  if (frame == self->frame)
    return;
  self->frame = frame;
  unknot_step_picture_show (self->picture,
                            unknot_picture_sequence_get_file (self->pictures, frame),
                            self->pictures_label, self->pictures_mirrored);
}

/* @pictures: (nullable): the pictures of the step or side, or NULL for none */
static void
show_pictures (UnknotPlayerPage      *self,
               UnknotPictureSequence *pictures,
               const char            *label,
               gboolean               mirrored)
{
  g_set_object (&self->pictures, pictures);
  g_free (self->pictures_label);
  self->pictures_label = g_strdup (label);
  self->pictures_mirrored = mirrored;
  self->frame = G_MAXUINT;
  if (pictures == NULL)
    unknot_step_picture_show (self->picture, NULL, NULL, FALSE);
  else
    update_picture (self);
}

static void
update_time (UnknotPlayerPage *self)
{
  /* Whole seconds rounded up, as a countdown shows them: 0:00 only when time is up. */
  gint64 seconds = unknot_session_get_remaining_seconds (self->session);
  g_autofree char *time = unknot_duration_format_clock (seconds * 1000);

  unknot_timer_ring_set_text (self->ring, time, self->phase);
  update_ring (self);
  update_progress (self);
  update_picture (self);
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

/* The step's facts as markup, the technique a link to its entry in the glossary. */
static char *
format_facts_markup (UnknotStep *step)
{
  UnknotTechnique technique = unknot_step_get_technique (step);
  g_autofree char *facts = unknot_format_step_facts (step);
  g_autofree char *escaped = g_markup_escape_text (facts, -1);
  g_autofree char *label = g_markup_escape_text (unknot_technique_get_label (technique), -1);
  g_autofree char *title = g_markup_escape_text (_("What this technique is, and how to do it"),
                                                 -1);
  const char *at = strstr (escaped, label);

  if (at == NULL)
    return g_steal_pointer (&escaped);
  return g_strdup_printf ("%.*s<a href=\"technique:%s\" title=\"%s\">%s</a>%s",
                          (int) (at - escaped), escaped,
                          unknot_vocabulary_get_id (UNKNOT_VOCABULARY_TECHNIQUE, technique),
                          title, label, at + strlen (label));
}

static gboolean
on_details_link (GtkLabel         *label,
                 const char       *uri,
                 UnknotPlayerPage *self)
{
  if (!g_str_has_prefix (uri, "technique:"))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-techniques", "s",
                              uri + strlen ("technique:"));
  return TRUE;
}

static void
show_step_details (UnknotPlayerPage *self,
                   UnknotSegment    *step_segment)
{
  UnknotStep *step = unknot_segment_get_step (step_segment);
  g_autofree char *facts = format_facts_markup (step);
  gboolean mirrored;
  UnknotPictureSequence *pictures;

  gtk_label_set_markup (self->details_label, facts);
  gtk_label_set_label (self->instructions_label, unknot_step_get_instructions (step));
  unknot_body_map_set_highlight (self->body_map, 1u << unknot_step_get_region (step),
                                 lit_side (step_segment));
  pictures = unknot_step_get_pictures_for_side (step, lit_side (step_segment), &mirrored);
  show_pictures (self, pictures, unknot_step_get_title (step), mirrored);
  gtk_widget_set_visible (GTK_WIDGET (self->body_map), pictures == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->demonstration), TRUE);
  unknot_demonstration_show (self->demonstration, unknot_step_get_technique (step),
                             unknot_step_get_region (step), unknot_step_get_tool (step),
                             unknot_step_get_pressure (step), lit_side (step_segment));
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
          show_pictures (self, NULL, NULL, FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->demonstration), FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->body_map), TRUE);
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

/* Says exactly where the next button goes: from a left side (or the switch after it)
 * to the right side, from anywhere else to the next step, and after the last step to
 * the end. */
static void
explain_next (UnknotPlayerPage *self,
              UnknotSegment    *segment)
{
  gboolean to_right_side = unknot_segment_is_first_side (segment)
                           || unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_SWITCH;
  guint index = unknot_session_get_segment_index (self->session);
  const char *tooltip;

  if (to_right_side)
    tooltip = _("Skip to the Right Side");
  else if (find_step_from (self, index + 1) != NULL)
    tooltip = _("Skip to the Next Step");
  else
    tooltip = _("Skip to the End");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), tooltip);
}

/* What a screen reader says as a segment begins. */
static char *
describe_for_speech (UnknotPlayerPage *self,
                     UnknotSegment    *segment)
{
  UnknotStep *step = unknot_segment_get_step (segment);
  UnknotSide side = unknot_segment_get_side (segment);
  guint number = unknot_segment_get_step_number (segment);
  guint n_steps = unknot_routine_get_n_steps (unknot_session_get_routine (self->session));

  if (unknot_segment_get_kind (segment) != UNKNOT_SEGMENT_STEP)
    return g_strdup (phase_text (segment));
  if (side == UNKNOT_SIDE_BOTH)
    /* Translators: said by screen readers as a step begins: "Step 2 of 5: Knead the calf" */
    return g_strdup_printf (_("Step %u of %u: %s"), number, n_steps, unknot_step_get_title (step));
  /* Translators: said by screen readers as a step begins on one side; the last %s is the
   * side: "Step 2 of 5: Knead the calf, Left side" */
  return g_strdup_printf (_("Step %u of %u: %s, %s"), number, n_steps,
                          unknot_step_get_title (step), unknot_side_get_label (side));
}

static void
announce_segment (UnknotPlayerPage *self,
                  UnknotSegment    *segment)
{
  g_autofree char *speech = describe_for_speech (self, segment);

  unknot_announce (self->status_label, speech);
}

/* Pause and resume said, not the state a run starts in. */
static void
announce_state (UnknotPlayerPage   *self,
                UnknotSessionState  state)
{
  if (state == UNKNOT_SESSION_PAUSED && self->said_state != UNKNOT_SESSION_PAUSED)
    unknot_announce (self->status_label, _("Paused"));
  else if (state == UNKNOT_SESSION_RUNNING && self->said_state == UNKNOT_SESSION_PAUSED)
    unknot_announce (self->status_label, _("Resumed"));
  self->said_state = state;
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
  explain_next (self, segment);
  announce_segment (self, segment);
  update_time (self);
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
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  running ? _("Pause") : _("Resume"), -1);
  announce_state (self, state);

  if (state == UNKNOT_SESSION_PAUSED)
    self->phase = _("Paused");
  else if (unknot_session_get_segment (self->session) != NULL)
    self->phase = phase_text (unknot_session_get_segment (self->session));
  update_time (self);
}

static void
unknot_player_page_dispose (GObject *object)
{
  UnknotPlayerPage *self = UNKNOT_PLAYER_PAGE (object);

  unknot_player_page_set_run (self, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->pictures);
  g_clear_pointer (&self->pictures_label, g_free);
  g_clear_pointer (&self->header_hider, unknot_auto_hide_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_PLAYER_PAGE);

  G_OBJECT_CLASS (unknot_player_page_parent_class)->dispose (object);
}

static void
unknot_player_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UnknotPlayerPage *self = UNKNOT_PLAYER_PAGE (object);

  switch (prop_id)
    {
    case PROP_RUN: g_value_set_object (value, self->run); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_player_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  UnknotPlayerPage *self = UNKNOT_PLAYER_PAGE (object);

  switch (prop_id)
    {
    case PROP_RUN: unknot_player_page_set_run (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_player_page_class_init (UnknotPlayerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_player_page_dispose;
  object_class->get_property = unknot_player_page_get_property;
  object_class->set_property = unknot_player_page_set_property;

  /* The run to show, or NULL. */
  properties[PROP_RUN] =
    g_param_spec_object ("run", NULL, NULL, UNKNOT_TYPE_RUN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNKNOT_TYPE_TIMER_RING);
  g_type_ensure (UNKNOT_TYPE_BODY_MAP);
  g_type_ensure (UNKNOT_TYPE_STEP_PICTURE);
  g_type_ensure (UNKNOT_TYPE_DEMONSTRATION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/unknot/Unknot/ui/unknot-player-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, floor_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, content_clamp);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, speed_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, overall_progress);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, ring);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, body_map);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, demonstration);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, cue_revealer);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, cue_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, picture);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, toggle_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, next_button);
  /* Named for the tests only. */
  gtk_widget_class_bind_template_child_full (widget_class, "add_time_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "scroller", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, status_label);
}

static void
unknot_player_page_init (UnknotPlayerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->header_hider = unknot_auto_hide_new (GTK_WIDGET (self), self->header_revealer);
  g_signal_connect (self->details_label, "activate-link", G_CALLBACK (on_details_link), self);

  self->session_signals = g_signal_group_new (UNKNOT_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::segment",
                                 G_CALLBACK (on_segment_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::remaining",
                                 G_CALLBACK (update_time), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::state",
                                 G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "cue", G_CALLBACK (on_cue), self, 0);
}

static void
show_speed (UnknotPlayerPage *self)
{
  double speed = unknot_session_get_speed (self->session);
  g_autofree char *text = NULL;

  text = unknot_format_speed (speed);
  gtk_label_set_label (self->speed_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->speed_label), speed != 1.0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->speed_label),
                               _("Timers run faster than real time, to preview the routine"));
}

UnknotRun *
unknot_player_page_get_run (UnknotPlayerPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYER_PAGE (self), NULL);
  return self->run;
}

/* @run: (nullable): the run to show; the page follows its session until it is replaced */
void
unknot_player_page_set_run (UnknotPlayerPage *self,
                            UnknotRun        *run)
{
  g_return_if_fail (UNKNOT_IS_PLAYER_PAGE (self));
  g_return_if_fail (run == NULL || UNKNOT_IS_RUN (run));

  if (self->run == run)
    return;

  g_clear_handle_id (&self->cue_source, g_source_remove);
  self->progress_pixels = -1;
  g_set_object (&self->run, run);
  self->session = run ? unknot_run_get_session (run) : NULL;
  g_signal_group_set_target (self->session_signals, self->session);
  if (self->session != NULL)
    {
      self->said_state = unknot_session_get_state (self->session);
      adw_window_title_set_title (self->window_title,
                                  unknot_routine_get_name (unknot_run_get_routine (run)));
      show_speed (self);
      on_segment_changed (self);
      on_state_changed (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN]);
}

gboolean
unknot_player_page_get_floor_mode (UnknotPlayerPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYER_PAGE (self), FALSE);
  return self->floor_mode;
}

/**
 * unknot_player_page_set_floor_mode:
 *
 * Floor mode is for a full screen read from the floor, two or three metres away: the
 * ring takes all the room the screen leaves (the time left and the side are drawn in
 * it, sized to it), the step's title is large, the picture and the body map keep their
 * size beside the ring, and what is only read up close (the step's facts and
 * instructions) makes way. The header bar hides until the pointer moves.
 */
void
unknot_player_page_set_floor_mode (UnknotPlayerPage *self,
                                   gboolean          floor_mode)
{
  g_return_if_fail (UNKNOT_IS_PLAYER_PAGE (self));

  floor_mode = !!floor_mode;
  if (self->floor_mode == floor_mode)
    return;
  self->floor_mode = floor_mode;

  if (floor_mode)
    gtk_widget_add_css_class (GTK_WIDGET (self), "floor");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "floor");
  adw_clamp_set_maximum_size (self->content_clamp,
                              floor_mode ? FLOOR_CONTENT_WIDTH : CONTENT_WIDTH);
  gtk_widget_set_vexpand (GTK_WIDGET (self->ring), floor_mode);
  gtk_widget_set_hexpand (GTK_WIDGET (self->picture), !floor_mode);
  gtk_widget_set_hexpand (GTK_WIDGET (self->body_map), !floor_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), !floor_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->instructions_label), !floor_mode);
  unknot_auto_hide_set_enabled (self->header_hider, floor_mode);

  gtk_button_set_icon_name (self->floor_button, floor_mode ? "view-restore-symbolic"
                                                           : "view-fullscreen-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->floor_button),
                               floor_mode ? _("Leave Full Screen")
                                          : _("Floor Mode: Full Screen, Large Figures"));
}

/* Plays the step's demonstration again, as a click on it does. */
void
unknot_player_page_replay_demonstration (UnknotPlayerPage *self)
{
  g_return_if_fail (UNKNOT_IS_PLAYER_PAGE (self));
  unknot_demonstration_replay (self->demonstration);
}
