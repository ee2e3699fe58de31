/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#ifdef HAVE_NL_PAPER
#include <langinfo.h>
#endif

#include "unknot-paper.h"

/* Which paper a handout is printed on when the user has not chosen: the one their
 * locale's LC_PAPER names, as printers and GTK's print dialog go by, so that the PDF
 * from the command line and the one from "Print to File" fit the same sheets. */

/* The countries whose glibc locales print on US Letter; everyone else uses A4. */
static const char *const letter_countries[] = {
  "US", "CA", "MX", "CL", "CO", "CR", "DO", "GT", "NI", "PA", "PH", "PR", "SV", "VE", NULL
};

/**
 * unknot_paper_country_uses_letter:
 * @locale_name: a locale name as setlocale() gives it, such as "en_US.UTF-8"
 *
 * For C libraries that cannot say the paper size of a locale: goes by its country.
 */
gboolean
unknot_paper_country_uses_letter (const char *locale_name)
{
  const char *underscore = locale_name != NULL ? strchr (locale_name, '_') : NULL;
  g_autofree char *country = NULL;

  if (underscore == NULL)
    return FALSE;
  country = g_strndup (underscore + 1, strcspn (underscore + 1, ".@"));
  return g_strv_contains (letter_countries, country);
}

/* @width, @height: (out): the paper of the user's locale (LC_PAPER), in points. */
void
unknot_paper_get_default_size (double *width,
                               double *height)
{
  gboolean letter;

#ifdef HAVE_NL_PAPER
  {
    /* glibc gives the paper's height in millimetres as an integer in the pointer. */
    union { const char *string; unsigned int word; } paper_height;

    paper_height.string = nl_langinfo (_NL_PAPER_HEIGHT);
    letter = paper_height.word == 279;
  }
#elif defined (LC_PAPER)
  letter = unknot_paper_country_uses_letter (setlocale (LC_PAPER, NULL));
#else
  letter = unknot_paper_country_uses_letter (setlocale (LC_ALL, NULL));
#endif

  *width = letter ? UNKNOT_PAPER_LETTER_WIDTH : UNKNOT_PAPER_A4_WIDTH;
  *height = letter ? UNKNOT_PAPER_LETTER_HEIGHT : UNKNOT_PAPER_A4_HEIGHT;
}
