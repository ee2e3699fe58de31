/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-history-time.h"

#include <string.h>

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* Days since 1970-01-01 in the proleptic Gregorian calendar. Plain arithmetic, because
 * the history page parses every stored time once per query and GDateTime would allocate
 * for each. */
static gint64
days_from_civil (gint64 year,
                 int    month,
                 int    day)
{
  gint64 era, year_of_era, day_of_year, day_of_era;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  year_of_era = year - era * 400;
  day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 era, day_of_era, year_of_era, day_of_year, month_index;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  day_of_era = days - era * 146097;
  year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  month_index = (5 * day_of_year + 2) / 153;
  *day = (int) (day_of_year - (153 * month_index + 2) / 5 + 1);
  *month = (int) (month_index < 10 ? month_index + 3 : month_index - 9);
  *year = (int) (year_of_era + era * 400 + (*month <= 2));
}

static gint64
floor_divide (gint64 value,
              gint64 divisor)
{
  return value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}

char *
unknot_history_time_format_unix (gint64 unix_seconds)
{
  gint64 days = floor_divide (unix_seconds, SECONDS_PER_DAY);
  gint64 rest = unix_seconds - days * SECONDS_PER_DAY;
  int year, month, day;

  civil_from_days (days, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                          (int) (rest / 3600), (int) (rest / 60 % 60), (int) (rest % 60));
}

/* Sub-second parts are dropped: the history counts whole seconds. */
char *
unknot_history_time_format (GDateTime *time)
{
  return unknot_history_time_format_unix (g_date_time_to_unix (time));
}

static gboolean
read_number (const char *text,
             guint       length,
             int         low,
             int         high,
             int        *value)
{
  *value = 0;
  for (guint i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }
  return *value >= low && *value <= high;
}

/* Accepts exactly the form unknot_history_time_format() writes. */
gboolean
unknot_history_time_parse (const char *text,
                           gint64     *unix_seconds)
{
  int year, month, day, hour, minute, second;

  if (text == NULL || strlen (text) != 20 || text[4] != '-' || text[7] != '-'
      || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return FALSE;
  if (!read_number (text, 4, 1, 9999, &year) || !read_number (text + 5, 2, 1, 12, &month)
      || !read_number (text + 8, 2, 1, g_date_get_days_in_month (month, year), &day)
      || !read_number (text + 11, 2, 0, 23, &hour) || !read_number (text + 14, 2, 0, 59, &minute)
      || !read_number (text + 17, 2, 0, 59, &second))
    return FALSE;

  *unix_seconds = days_from_civil (year, month, day) * SECONDS_PER_DAY
                  + hour * 3600 + minute * 60 + second;
  return TRUE;
}

GDateTime *
unknot_history_time_to_date_time (const char *text)
{
  gint64 unix_seconds;

  if (!unknot_history_time_parse (text, &unix_seconds))
    return NULL;
  return g_date_time_new_from_unix_utc (unix_seconds);
}

/* The calendar day in @zone at that moment. */
void
unknot_history_time_local_date (GTimeZone *zone,
                                gint64     unix_seconds,
                                GDate     *date)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, unix_seconds);
  gint64 local = unix_seconds + g_time_zone_get_offset (zone, interval);
  int year, month, day;

  civil_from_days (floor_divide (local, SECONDS_PER_DAY), &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* The first moment of @date in @zone, as Unix time. Where a clock change skips
 * midnight, GLib moves it to the first time that exists. */
gint64
unknot_history_time_day_start (GTimeZone   *zone,
                               const GDate *date)
{
  g_autoptr (GDateTime) start = g_date_time_new (zone, g_date_get_year (date),
                                                 g_date_get_month (date),
                                                 g_date_get_day (date), 0, 0, 0);

  g_assert (start != NULL);
  return g_date_time_to_unix (start);
}

void
unknot_history_time_week_start (const GDate *date,
                                GDate       *monday)
{
  *monday = *date;
  g_date_subtract_days (monday, g_date_get_weekday (date) - G_DATE_MONDAY);
}
