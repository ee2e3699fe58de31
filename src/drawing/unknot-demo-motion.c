/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "unknot-demo-motion.h"
#include "unknot-demo-tool.h"

/* The motion of each technique on its stage, as a function of time counted in cycles:
 * 2.25 is a quarter into the third cycle. At rest (%UNKNOT_DEMO_AT_REST) each draws a
 * still: the hand or tool where it works and arrows for how it moves, which is what the
 * player shows once the motion has played a few times.
 *
 * Every technique is worked with the step's tool, a hand when it is "hands"; the tempo
 * is the technique's own, slower under firm pressure and quicker under light, as a
 * therapist's hands are. */

typedef void (*DrawMotion) (const UnknotDemoStage   *stage,
                            cairo_t                 *cr,
                            UnknotTool               tool,
                            double                   cycles,
                            const UnknotDemoPalette *palette);

static double
ease (double t)
{
  t = CLAMP (t, 0, 1);
  return t * t * (3 - 2 * t);
}

static double
fraction (double cycles)
{
  return cycles - floor (cycles);
}

static gboolean
at_rest (double cycles)
{
  return cycles < 0;
}

/* Long strokes toward the heart, one beside the other, lifted for the way back. */
static void
draw_effleurage (const UnknotDemoStage *stage, cairo_t *cr, UnknotTool tool, double cycles,
                 const UnknotDemoPalette *palette)
{
  double p = fraction (cycles), across, along;

  if (at_rest (cycles))
    {
      unknot_demo_arrow_draw (stage, cr, -0.8, -0.35, 0.85, -0.35, FALSE, palette);
      unknot_demo_arrow_draw (stage, cr, -0.8, 0.35, 0.85, 0.35, FALSE, palette);
      unknot_demo_tool_draw (stage, cr, tool, -0.55, -0.35, 1.0, palette);
      return;
    }
  across = ((int) floor (cycles)) % 2 == 0 ? -0.35 : 0.35;
  along = -0.8 + 1.6 * ease (p / 0.8);
  if (p > 0.1)
    unknot_demo_arrow_draw (stage, cr, -0.8, across, along, across, FALSE, palette);
  unknot_demo_tool_draw (stage, cr, tool, along, across, p < 0.8 ? 1.0 : (1 - p) / 0.2,
                         palette);
}

/* Two hands squeezing toward each other in turn, each rocking to and fro. */
static void
draw_petrissage (const UnknotDemoStage *stage, cairo_t *cr, UnknotTool tool, double cycles,
                 const UnknotDemoPalette *palette)
{
  double wave = at_rest (cycles) ? 0 : sin (2 * G_PI * fraction (cycles));

  if (at_rest (cycles))
    {
      unknot_demo_circle_arrow_draw (stage, cr, 0.3, -0.5, 0.85, TRUE, palette);
      unknot_demo_circle_arrow_draw (stage, cr, -0.3, 0.5, 0.85, FALSE, palette);
    }
  unknot_demo_tool_draw (stage, cr, tool, 0.3 + 0.1 * wave, -0.5 + 0.25 * MAX (wave, 0),
                         1.0, palette);
  unknot_demo_tool_draw (stage, cr, tool, -0.3 - 0.1 * wave, 0.5 - 0.25 * MAX (-wave, 0),
                         1.0, palette);
  if (!at_rest (cycles))
    {
      unknot_demo_ring_draw (stage, cr, 0.3, -0.5, 0.9, MAX (wave, 0), palette);
      unknot_demo_ring_draw (stage, cr, -0.3, 0.5, 0.9, MAX (-wave, 0), palette);
    }
}

#define N_PRESSES 4

static double
press_position (int press)
{
  return -0.75 + 1.5 * press / (N_PRESSES - 1);
}

/* Presses one after the other, stepping toward the heart. */
static void
draw_compression (const UnknotDemoStage *stage, cairo_t *cr, UnknotTool tool, double cycles,
                  const UnknotDemoPalette *palette)
{
  double p = fraction (cycles);
  int press = MIN ((int) (p * N_PRESSES), N_PRESSES - 1);
  double depth = sin (G_PI * (p * N_PRESSES - press));

  if (at_rest (cycles))
    {
      for (int i = 0; i < N_PRESSES; i++)
        unknot_demo_ring_draw (stage, cr, press_position (i), 0, 0.55, 1.0, palette);
      unknot_demo_arrow_draw (stage, cr, -0.95, 0.75, 0.95, 0.75, FALSE, palette);
      unknot_demo_tool_draw (stage, cr, tool, press_position (1), 0, 1.0, palette);
      return;
    }
  for (int i = 0; i < press; i++)
    unknot_demo_ring_draw (stage, cr, press_position (i), 0, 0.55, 0.35, palette);
  unknot_demo_ring_draw (stage, cr, press_position (press), 0, 0.6 + 0.5 * depth, depth,
                         palette);
  unknot_demo_tool_draw (stage, cr, tool, press_position (press), 0, 0.6 + 0.4 * depth,
                         palette);
}

/* Small quick circles on one spot: two turns a cycle. */
static void
draw_friction (const UnknotDemoStage *stage, cairo_t *cr, UnknotTool tool, double cycles,
               const UnknotDemoPalette *palette)
{
  double turn = 4 * G_PI * fraction (cycles);
  double radius = 0.12;

  unknot_demo_circle_arrow_draw (stage, cr, 0, 0, 1.1, TRUE, palette);
  if (at_rest (cycles))
    {
      unknot_demo_tool_draw (stage, cr, tool, 0, 0, 1.0, palette);
      return;
    }
  unknot_demo_tool_draw (stage, cr, tool, radius * cos (turn), -radius * 2 * sin (turn), 1.0,
                         palette);
}

#define N_TAPS 4

/* Quick taps by the two hands in turn, each sending out a ring, moving along. */
static void
draw_tapotement (const UnknotDemoStage *stage, cairo_t *cr, UnknotTool tool, double cycles,
                 const UnknotDemoPalette *palette)
{
  double p = fraction (cycles);
  int tap = MIN ((int) (p * N_TAPS), N_TAPS - 1);
  double beat = p * N_TAPS - tap;

  if (at_rest (cycles))
    {
      for (int i = 0; i < N_TAPS; i++)
        unknot_demo_ring_draw (stage, cr, -0.6 + 0.4 * i, i % 2 ? 0.4 : -0.4, 0.45, 1.0,
                               palette);
      unknot_demo_tool_draw (stage, cr, tool, -0.2, 0.4, 1.0, palette);
      unknot_demo_arrow_draw (stage, cr, -0.9, -0.85, 0.9, -0.85, TRUE, palette);
      return;
    }
  unknot_demo_ring_draw (stage, cr, -0.6 + 0.4 * tap, tap % 2 ? 0.4 : -0.4,
                         0.3 + 0.7 * beat, 1 - beat, palette);
  unknot_demo_tool_draw (stage, cr, tool, -0.6 + 0.4 * tap, tap % 2 ? 0.4 : -0.4,
                         beat < 0.5 ? 1.0 : 2 * (1 - beat), palette);
}

/* One spot pressed, the pressure built up and then held. */
static void
draw_trigger_point (const UnknotDemoStage *stage, cairo_t *cr, UnknotTool tool,
                    double cycles, const UnknotDemoPalette *palette)
{
  double build = at_rest (cycles) ? 1 : ease (fraction (cycles) / 0.3);

  for (int i = 1; i <= 3; i++)
    unknot_demo_ring_draw (stage, cr, 0, 0, (0.55 + 0.35 * i) * build, build * (1.1 - 0.3 * i),
                           palette);
  unknot_demo_tool_draw (stage, cr, tool, 0, 0, 1.0, palette);
}

/* Two hands from the middle outward, slowly, taking the skin with them. */
static void
draw_myofascial_release (const UnknotDemoStage *stage, cairo_t *cr, UnknotTool tool,
                         double cycles, const UnknotDemoPalette *palette)
{
  double spread = at_rest (cycles) ? 0.2 : 0.1 + 0.55 * ease (fraction (cycles) / 0.9);

  if (at_rest (cycles))
    unknot_demo_arrow_draw (stage, cr, -0.85, 0, 0.85, 0, TRUE, palette);
  else
    unknot_demo_arrow_draw (stage, cr, -spread - 0.2, 0, spread + 0.2, 0, TRUE, palette);
  unknot_demo_tool_draw (stage, cr, tool, spread, 0.45, 1.0, palette);
  unknot_demo_tool_draw (stage, cr, tool, -spread, -0.45, 1.0, palette);
}

/* The tool travelling the region's length and back. */
static void
draw_rolling (const UnknotDemoStage *stage, cairo_t *cr, UnknotTool tool, double cycles,
              const UnknotDemoPalette *palette)
{
  double along = at_rest (cycles) ? 0 : -0.8 * cos (2 * G_PI * fraction (cycles));

  unknot_demo_arrow_draw (stage, cr, -0.95, 0.8, 0.95, 0.8, TRUE, palette);
  unknot_demo_tool_draw (stage, cr, tool, along, 0, 1.0, palette);
}

/* The region lengthened away from an anchored end, then held. */
static void
draw_stretching (const UnknotDemoStage *stage, cairo_t *cr, UnknotTool tool, double cycles,
                 const UnknotDemoPalette *palette)
{
  double reach = at_rest (cycles) ? 1 : ease (fraction (cycles) / 0.5);

  unknot_demo_ring_draw (stage, cr, 0.8, 0, 0.35, 1.0, palette);
  if (reach > 0.05)
    {
      unknot_demo_arrow_draw (stage, cr, 0.55, -0.3, 0.55 - 1.5 * reach, -0.3, FALSE, palette);
      unknot_demo_arrow_draw (stage, cr, 0.55, 0.3, 0.55 - 1.5 * reach, 0.3, FALSE, palette);
    }
  if (tool != UNKNOT_TOOL_HANDS)
    unknot_demo_tool_draw (stage, cr, tool, 0, 0, 1.0, palette);
}

/* The device or hand on one spot, buzzing. */
static void
draw_vibration (const UnknotDemoStage *stage, cairo_t *cr, UnknotTool tool, double cycles,
                const UnknotDemoPalette *palette)
{
  double buzz = at_rest (cycles) ? 0 : sin (2 * G_PI * 6 * fraction (cycles));

  unknot_demo_buzz_draw (stage, cr, 0, 0, at_rest (cycles) ? 0 : fabs (buzz), palette);
  unknot_demo_tool_draw (stage, cr, tool, 0.03 * buzz, 0.05 * buzz, 1.0, palette);
}

static const struct
{
  DrawMotion draw;
  double seconds;    /* one cycle, at medium pressure */
} techniques[] = {
  [UNKNOT_TECHNIQUE_EFFLEURAGE] = { draw_effleurage, 2.5 },
  [UNKNOT_TECHNIQUE_PETRISSAGE] = { draw_petrissage, 1.6 },
  [UNKNOT_TECHNIQUE_COMPRESSION] = { draw_compression, 4.0 },
  [UNKNOT_TECHNIQUE_FRICTION] = { draw_friction, 1.2 },
  [UNKNOT_TECHNIQUE_TAPOTEMENT] = { draw_tapotement, 1.2 },
  [UNKNOT_TECHNIQUE_TRIGGER_POINT] = { draw_trigger_point, 4.0 },
  [UNKNOT_TECHNIQUE_MYOFASCIAL_RELEASE] = { draw_myofascial_release, 5.0 },
  [UNKNOT_TECHNIQUE_ROLLING] = { draw_rolling, 3.0 },
  [UNKNOT_TECHNIQUE_STRETCHING] = { draw_stretching, 4.0 },
  [UNKNOT_TECHNIQUE_VIBRATION] = { draw_vibration, 1.0 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (techniques) == UNKNOT_N_TECHNIQUES);

/* How long one cycle of the technique's motion lasts, in seconds. */
double
unknot_demo_motion_get_cycle_seconds (UnknotTechnique technique,
                                      UnknotPressure  pressure)
{
  static const double pace[] = {
    [UNKNOT_PRESSURE_LIGHT] = 0.8,
    [UNKNOT_PRESSURE_MEDIUM] = 1.0,
    [UNKNOT_PRESSURE_FIRM] = 1.3,
    [UNKNOT_PRESSURE_UNSPECIFIED] = 1.0,
  };

  g_return_val_if_fail (technique < UNKNOT_N_TECHNIQUES, 1.0);
  g_return_val_if_fail (pressure <= UNKNOT_PRESSURE_UNSPECIFIED, 1.0);
  return techniques[technique].seconds * pace[pressure];
}

/**
 * unknot_demo_motion_draw:
 * @cycles: the time into the motion, counted in its cycles, or %UNKNOT_DEMO_AT_REST
 *
 * Draws the technique's hands or tool, and its arrows, on a stage already drawn.
 */
void
unknot_demo_motion_draw (const UnknotDemoStage   *stage,
                         cairo_t                 *cr,
                         UnknotTechnique          technique,
                         UnknotTool               tool,
                         double                   cycles,
                         const UnknotDemoPalette *palette)
{
  g_return_if_fail (technique < UNKNOT_N_TECHNIQUES);
  g_return_if_fail (tool < UNKNOT_N_TOOLS);

  cairo_save (cr);
  techniques[technique].draw (stage, cr, tool, cycles, palette);
  cairo_restore (cr);
}
