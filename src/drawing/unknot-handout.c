/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "unknot-duration.h"
#include "unknot-handout.h"
#include "unknot-print-items.h"
#include "unknot-routine-format.h"

/* A routine on paper, for a client to take home: its name, who wrote it, its licence,
 * length, what is needed and the safety note beside a body figure with its regions
 * marked, then every step with its title, side, time, technique, pressure, instructions,
 * cues and picture. Laid out once for a page size, then drawn page by page onto any
 * cairo surface: the PDF of `unknot --handout`, or a printer's through GtkPrintOperation.
 * The words are the routine's and the vocabulary's in the user's language. */

#define MARGIN         50.0
#define FOOTER_SPACE   28.0
#define FIGURE_WIDTH   150.0
#define PICTURE_WIDTH  120.0
#define PICTURE_HEIGHT 150.0
#define COLUMN_GAP     18.0
#define STEP_SPACE     14.0

struct _UnknotHandout
{
  GObject parent_instance;

  UnknotRoutine *routine;
  double width;
  double height;
  PangoContext *context;
  UnknotPageFlow *flow;
};

G_DEFINE_FINAL_TYPE (UnknotHandout, unknot_handout, G_TYPE_OBJECT)

static double
content_width (UnknotHandout *self)
{
  return self->width - 2 * MARGIN;
}

static double
add_text (UnknotHandout *self,
          double         x,
          double         y,
          double         width,
          const char    *font,
          const char    *markup)
{
  return unknot_print_add_text (self->flow, self->context, MARGIN + x, y, width, font, markup);
}

static void
add_fact (GPtrArray  *facts,
          const char *label,
          const char *value)
{
  g_ptr_array_add (facts, g_strdup (label));
  g_ptr_array_add (facts, g_strdup (value));
}

static double
add_facts (UnknotHandout *self,
           double         y,
           double         width)
{
  UnknotRoutine *routine = self->routine;
  gint64 total = unknot_routine_get_total (routine, UNKNOT_DEFAULT_PREPARE_MS,
                                           UNKNOT_DEFAULT_SWITCH_GAP_MS);
  g_autofree char *duration = unknot_format_duration_rounded (total);
  g_autofree char *steps = unknot_format_steps (unknot_routine_get_n_steps (routine));
  g_autofree char *tools = unknot_format_tools (unknot_routine_get_tools (routine));
  g_autofree char *regions = unknot_format_regions (unknot_routine_get_regions (routine));
  /* Translators: the length and number of steps of a routine on a printed handout, such
   * as "12 minutes, 7 steps" */
  g_autofree char *length = g_strdup_printf (C_("handout length", "%s, %s"), duration, steps);
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);

  /* Translators: on a printed handout, before the routine's author */
  add_fact (facts, _("By"), unknot_routine_get_author (routine));
  /* Translators: on a printed handout, before the routine's licence, such as CC-BY-4.0 */
  add_fact (facts, _("Licence"), unknot_routine_get_license (routine));
  /* Translators: on a printed handout, before "12 minutes, 7 steps" */
  add_fact (facts, _("Length"), length);
  /* Translators: on a printed handout, before the tools a routine needs, such as
   * "Hands, Foam roller" */
  add_fact (facts, _("You need"), tools);
  /* Translators: on a printed handout, before the body regions a routine works on */
  add_fact (facts, _("Regions"), regions);
  return unknot_print_add_facts (self->flow, self->context, MARGIN, y, width, facts);
}

/* The name, description and facts, with the body figure to their right. */
static void
add_heading (UnknotHandout *self)
{
  double text_width = content_width (self) - FIGURE_WIDTH - COLUMN_GAP;
  const char *description = unknot_routine_get_description (self->routine);
  g_autofree char *name = g_markup_escape_text (unknot_routine_get_name (self->routine), -1);
  double y = 0;

  y += add_text (self, 0, y, text_width, "Sans Bold 20", name) + 6;
  if (description != NULL && *description != '\0')
    {
      g_autofree char *markup = g_markup_escape_text (description, -1);
      y += add_text (self, 0, y, text_width, "Sans 11", markup) + 10;
    }
  add_facts (self, y, text_width);
  unknot_print_add_figure (self->flow, self->width - MARGIN - FIGURE_WIDTH, 0, FIGURE_WIDTH,
                           unknot_routine_get_regions (self->routine));
  unknot_page_flow_end_group (self->flow, STEP_SPACE);
}

static void
add_safety (UnknotHandout *self)
{
  const char *safety = unknot_routine_get_safety (self->routine);
  g_autofree char *markup = NULL;

  if (safety == NULL || *safety == '\0')
    return;
  /* Translators: on a printed handout, before the routine's safety note */
  markup = g_markup_printf_escaped ("<b>%s</b>  %s", _("Safety"), safety);
  unknot_print_add_note (self->flow, self->context, MARGIN, 0, content_width (self), markup);
  unknot_page_flow_end_group (self->flow, STEP_SPACE);
}

static UnknotPicture *
load_picture (UnknotStep *step)
{
  GFile *file = unknot_step_get_image (step);

  /* A picture that cannot be read leaves its step without one, as in the player. */
  return file != NULL ? unknot_picture_load (file, NULL) : NULL;
}

static double
add_cues (UnknotHandout *self,
          UnknotStep    *step,
          double         y,
          double         width)
{
  double height = 0;

  for (guint i = 0; i < unknot_step_get_n_cues (step); i++)
    {
      UnknotCue *cue = unknot_step_get_cue (step, i);
      g_autofree char *at = unknot_duration_format_clock (unknot_cue_get_at (cue));
      /* Translators: a cue of a step on a printed handout: %s is the time into the step
       * (or into each side), such as "0:20", then comes the cue's text */
      g_autofree char *when = g_strdup_printf (_("At %s"), at);
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>  %s", when,
                                                         unknot_cue_get_text (cue));

      height += add_text (self, 12, y + height, width - 12, "Sans 10", markup) + 3;
    }
  return height;
}

static void
add_step (UnknotHandout *self,
          UnknotStep    *step,
          guint          number)
{
  UnknotPicture *picture = load_picture (step);
  double width = content_width (self) - (picture != NULL ? PICTURE_WIDTH + COLUMN_GAP : 0);
  g_autofree char *details = unknot_format_step_details (step);
  /* Translators: a step's number and title on a printed handout, such as "3. Knead the
   * calf" */
  g_autofree char *title = g_strdup_printf (_("%u. %s"), number, unknot_step_get_title (step));
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *details_markup = g_markup_printf_escaped ("<span foreground=\"#555555\">"
                                                             "%s</span>", details);
  g_autofree char *instructions = g_markup_escape_text (unknot_step_get_instructions (step),
                                                        -1);
  double y = 8;

  unknot_print_add_rule (self->flow, MARGIN, 0, content_width (self));
  y += add_text (self, 0, y, width, "Sans Bold 12.5", title_markup) + 2;
  y += add_text (self, 0, y, width, "Sans Italic 9.5", details_markup) + 5;
  if (*unknot_step_get_instructions (step) != '\0')
    y += add_text (self, 0, y, width, "Sans 10.5", instructions) + 5;
  add_cues (self, step, y, width);
  if (picture != NULL)
    unknot_print_add_picture (self->flow, self->width - MARGIN - PICTURE_WIDTH, 8,
                              PICTURE_WIDTH, PICTURE_HEIGHT, picture);
  unknot_page_flow_end_group (self->flow, STEP_SPACE);
}

static void
add_rest (UnknotHandout *self,
          UnknotStep    *rest)
{
  g_autofree char *details = unknot_format_step_details (rest);
  g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"#555555\">%s</span>",
                                                     details);

  unknot_print_add_rule (self->flow, MARGIN, 0, content_width (self));
  add_text (self, 0, 6, content_width (self), "Sans Italic 10", markup);
  unknot_page_flow_end_group (self->flow, STEP_SPACE);
}

static void
lay_out (UnknotHandout *self)
{
  guint number = 0;

  self->flow = unknot_page_flow_new (MARGIN, self->height - MARGIN - FOOTER_SPACE);
  add_heading (self);
  add_safety (self);
  for (guint i = 0; i < unknot_routine_get_n_items (self->routine); i++)
    {
      UnknotStep *item = unknot_routine_get_item (self->routine, i);

      if (unknot_step_get_kind (item) == UNKNOT_STEP_KIND_REST)
        add_rest (self, item);
      else
        add_step (self, item, ++number);
    }
}

static void
unknot_handout_finalize (GObject *object)
{
  UnknotHandout *self = UNKNOT_HANDOUT (object);

  g_clear_pointer (&self->flow, unknot_page_flow_free);
  g_clear_object (&self->context);
  g_clear_object (&self->routine);
  G_OBJECT_CLASS (unknot_handout_parent_class)->finalize (object);
}

static void
unknot_handout_class_init (UnknotHandoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_handout_finalize;
}

static void
unknot_handout_init (UnknotHandout *self)
{
}

/**
 * unknot_handout_new:
 * @page_width, @page_height: the paper, in points
 *
 * Lays the routine out on pages of that size; the routine's pictures are read now.
 */
UnknotHandout *
unknot_handout_new (UnknotRoutine *routine,
                    double         page_width,
                    double         page_height)
{
  UnknotHandout *self;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (page_width > 4 * MARGIN && page_height > 4 * MARGIN, NULL);

  self = g_object_new (UNKNOT_TYPE_HANDOUT, NULL);
  self->routine = g_object_ref (routine);
  self->width = page_width;
  self->height = page_height;
  self->context = unknot_print_items_new_context ();
  lay_out (self);
  return self;
}

guint
unknot_handout_get_n_pages (UnknotHandout *self)
{
  g_return_val_if_fail (UNKNOT_IS_HANDOUT (self), 0);
  return unknot_page_flow_get_n_pages (self->flow);
}

/* "Post-run recovery        Page 2 of 3", so that loose sheets find their order. */
static void
draw_footer (UnknotHandout *self,
             cairo_t       *cr,
             guint          page)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8.5");
  /* Translators: at the foot of each page of a printed handout */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1,
                                             unknot_handout_get_n_pages (self));
  int width;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);

  pango_layout_set_text (layout, unknot_routine_get_name (self->routine), -1);
  pango_layout_set_width (layout, (int) (content_width (self) * 0.7 * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, MARGIN, self->height - MARGIN);
  pango_cairo_show_layout (cr, layout);

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, number, -1);
  pango_layout_get_size (layout, &width, NULL);
  cairo_move_to (cr, self->width - MARGIN - (double) width / PANGO_SCALE, self->height - MARGIN);
  pango_cairo_show_layout (cr, layout);
}

/* Draws @page (from 0) with the paper's top left corner at the origin, in points. */
void
unknot_handout_draw_page (UnknotHandout *self,
                          cairo_t       *cr,
                          guint          page)
{
  g_return_if_fail (UNKNOT_IS_HANDOUT (self));

  cairo_save (cr);
  unknot_page_flow_draw_page (self->flow, cr, page);
  cairo_restore (cr);
  cairo_save (cr);
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

typedef struct
{
  GOutputStream *stream;
  GError *error;
} PdfWriter;

static cairo_status_t
write_pdf_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PdfWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Writes every page to @stream as a PDF, titled with the routine's name. */
gboolean
unknot_handout_write_pdf (UnknotHandout  *self,
                          GOutputStream  *stream,
                          GError        **error)
{
  PdfWriter writer = { stream, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (UNKNOT_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  surface = cairo_pdf_surface_create_for_stream (write_pdf_bytes, &writer, self->width,
                                                 self->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  unknot_routine_get_name (self->routine));
  if (unknot_routine_get_author (self->routine) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    unknot_routine_get_author (self->routine));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Unknot");
  cr = cairo_create (surface);
  for (guint page = 0; page < unknot_handout_get_n_pages (self); page++)
    {
      unknot_handout_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error != NULL)
    {
      g_propagate_error (error, writer.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
