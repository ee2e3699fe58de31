/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "fuzz-harness.h"
#include "unknot-duration.h"
#include "unknot-routine-error.h"

/* The duration syntax: whatever parses is a sane number of milliseconds that prints
 * back to the same value; whatever does not is a clear error. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_harness_make_criticals_fatal ();
  return 0;
}

static gboolean
parse (const guint8 *data,
       size_t        size,
       gint64       *ms,
       GError      **error)
{
  /* The parser reads C strings, as attribute values are: cut at the first NUL. */
  g_autofree char *text = g_strndup ((const char *) data, size);

  return unknot_duration_parse (text, ms, error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) again_error = NULL;
  g_autofree char *attribute = NULL;
  g_autofree char *clock = NULL;
  gint64 ms = -1, again = -1;

  if (!parse (data, size, &ms, &error))
    {
      g_assert_true (error->domain == UNKNOT_ROUTINE_ERROR);
      g_assert_true (error->code == UNKNOT_ROUTINE_ERROR_BAD_DURATION
                     || error->code == UNKNOT_ROUTINE_ERROR_DURATION_RANGE);
      g_assert_cmpint (ms, ==, -1);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpint (ms, >=, 0);
  g_assert_cmpint (ms % UNKNOT_MS_PER_SECOND, ==, 0);
  /* Six digits of minutes at most. */
  g_assert_cmpint (ms, <, G_GINT64_CONSTANT (1000000) * UNKNOT_MS_PER_MINUTE);

  attribute = unknot_duration_to_attribute (ms);
  unknot_duration_parse (attribute, &again, &again_error);
  g_assert_no_error (again_error);
  g_assert_cmpint (again, ==, ms);

  clock = unknot_duration_format_clock (ms);
  g_assert_nonnull (strchr (clock, ':'));
  return 0;
}

char *
fuzz_harness_describe (const guint8 *data,
                       size_t        size)
{
  g_autoptr (GError) error = NULL;
  gint64 ms;

  if (parse (data, size, &ms, &error))
    return g_strdup_printf ("valid %" G_GINT64_FORMAT, ms);
  return g_strdup_printf ("error %d", error->code);
}
