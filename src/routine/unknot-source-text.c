/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "unknot-source-text.h"

/* The bytes of a routine file, and the positions in them that problems give.
 *
 * Lines and columns count from 1, as GCC counts them (and the GNU coding standards
 * ask), so that an editor jumps to the right spot: a column is a display column, in
 * which a character counts one, a wide character (Chinese, Japanese, Korean) two, a
 * combining mark or a byte order mark none, and a tab moves on to the next tab stop
 * of 8, that is to column 9, 17, 25 …, as GCC's default -ftabstop=8 does. */

#define TAB_WIDTH 8

struct _UnknotSourceText
{
  const char *text;       /* not owned */
  gsize length;
  gsize counted_offset;   /* the last offset whose column was counted, plus one */
  guint counted_column;
};

/* @text: the file's bytes, which must outlive this */
UnknotSourceText *
unknot_source_text_new (const char *text,
                        gsize       length)
{
  UnknotSourceText *self = g_new0 (UnknotSourceText, 1);

  self->text = text;
  self->length = length;
  return self;
}

void
unknot_source_text_free (UnknotSourceText *self)
{
  g_free (self);
}

const char *
unknot_source_text_get_text (UnknotSourceText *self,
                             gsize            *length)
{
  if (length != NULL)
    *length = self->length;
  return self->text;
}

guint
unknot_source_text_count_newlines (UnknotSourceText *self,
                                   gsize             from,
                                   gsize             to)
{
  guint n = 0;

  to = MIN (to, self->length);
  for (gsize i = from; i < to; i++)
    n += self->text[i] == '\n';
  return n;
}

/* The column after @text, which starts at @column. */
static guint
advance_column (guint       column,
                const char *text,
                gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      /* A byte that is not UTF-8 is one column, as a terminal shows a replacement. */
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          column++;
          p++;
          continue;
        }
      if (c == '\t')
        column += TAB_WIDTH - (column - 1) % TAB_WIDTH;
      else if (g_unichar_iswide (c))
        column += 2;
      else if (!g_unichar_iszerowidth (c))
        column++;
      p = g_utf8_next_char (p);
    }
  return column;
}

static gsize
find_line_start (UnknotSourceText *self,
                 gsize             offset)
{
  while (offset > 0 && self->text[offset - 1] != '\n')
    offset--;
  return offset;
}

/* The display column of @offset.
 *
 * Elements are located in file order, so the count goes on from the last one when it is
 * on the same line: a file written on one line (as tools write XML) with 10,000 steps
 * would otherwise be scanned from its start for each of them. */
guint
unknot_source_text_get_column (UnknotSourceText *self,
                               gsize             offset)
{
  gsize from = self->counted_offset - 1;
  guint column;

  offset = MIN (offset, self->length);
  if (self->counted_offset > 0 && offset >= from
      && memchr (self->text + from, '\n', offset - from) == NULL)
    column = advance_column (self->counted_column, self->text + from, offset - from);
  else
    {
      gsize line_start = find_line_start (self, offset);
      column = advance_column (1, self->text + line_start, offset - line_start);
    }

  self->counted_offset = offset + 1;
  self->counted_column = column;
  return column;
}

/* Line and column of @offset, counted from the top of the file: for the few places not
 * found through an element, whose line libxml2 keeps. */
void
unknot_source_text_get_position (UnknotSourceText *self,
                                 gsize             offset,
                                 guint            *line,
                                 guint            *column)
{
  offset = MIN (offset, self->length);
  *line = 1 + unknot_source_text_count_newlines (self, 0, offset);
  *column = unknot_source_text_get_column (self, offset);
}

/* Finds "name=" inside the start tag that begins at @tag_start; returns its offset or
 * -1. */
gssize
unknot_source_text_find_attribute (UnknotSourceText *self,
                                   gsize             tag_start,
                                   const char       *name)
{
  gsize name_length = strlen (name);
  char quote = 0;

  for (gsize i = tag_start + 1; i < self->length; i++)
    {
      char c = self->text[i];

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
          continue;
        }
      if (c == '"' || c == '\'')
        quote = c;
      else if (c == '>')
        break;
      else if (g_ascii_isspace (self->text[i - 1]) && i + name_length < self->length
               && memcmp (self->text + i, name, name_length) == 0)
        {
          gsize after = i + name_length;
          while (after < self->length && g_ascii_isspace (self->text[after]))
            after++;
          if (after < self->length && self->text[after] == '=')
            return i;
        }
    }

  return -1;
}

/* The last @token that starts at or before @offset and at most @limit bytes before it;
 * -1 if there is none. */
gssize
unknot_source_text_find_back (UnknotSourceText *self,
                              gsize             offset,
                              const char       *token,
                              gsize             limit)
{
  gsize token_length = strlen (token);
  gsize lowest = offset > limit ? offset - limit : 0;

  if (token_length > self->length)
    return -1;
  offset = MIN (offset, self->length - token_length);
  for (gsize start = offset + 1; start-- > lowest;)
    if (memcmp (self->text + start, token, token_length) == 0)
      return start;
  return -1;
}

/* The offset of the first byte that is not UTF-8, or -1 if the text is UTF-8 all
 * through. */
gssize
unknot_source_text_find_invalid_utf8 (UnknotSourceText *self)
{
  const char *end;

  if (g_utf8_validate_len (self->text, self->length, &end))
    return -1;
  return end - self->text;
}

/* The text between quotes after "encoding=" in the XML declaration "<?xml …?>" that
 * starts the file (after a UTF-8 byte order mark); @offset is where "encoding" is.
 * Messages quote it, so bytes that are not UTF-8 come back as U+FFFD. */
char *
unknot_source_text_get_declared_encoding (UnknotSourceText *self,
                                          gsize            *offset)
{
  gsize start = self->length >= 3 && memcmp (self->text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  const char *declaration_end;
  gssize found;
  gsize value;
  char quote;

  /* "<?xml" then a space: "<?xmlfoo" is a processing instruction, not the declaration. */
  if (self->length < start + 6 || memcmp (self->text + start, "<?xml", 5) != 0
      || !g_ascii_isspace (self->text[start + 5]))
    return NULL;
  declaration_end = g_strstr_len (self->text + start, self->length - start, "?>");
  if (declaration_end == NULL)
    return NULL;

  found = unknot_source_text_find_attribute (self, start, "encoding");
  if (found < 0 || self->text + found > declaration_end)
    return NULL;

  value = found + strlen ("encoding");
  while (value < self->length && self->text[value] != '"' && self->text[value] != '\'')
    value++;
  if (value >= self->length)
    return NULL;
  quote = self->text[value++];
  for (gsize end = value; end < self->length && self->text + end < declaration_end; end++)
    if (self->text[end] == quote)
      {
        if (offset != NULL)
          *offset = found;
        return g_utf8_make_valid (self->text + value, end - value);
      }
  return NULL;
}

/* Whether libxml2 reads the bytes as they are, as UTF-8, so that its positions in what
 * it reads are positions in the file: not when the file is UTF-16 or UTF-32 (a byte
 * order mark or a NUL among the first bytes), or declares another encoding. */
gboolean
unknot_source_text_is_read_as_is (UnknotSourceText *self)
{
  g_autofree char *encoding = NULL;

  if (self->length >= 2 && (memchr (self->text, '\0', MIN (self->length, 4)) != NULL
                            || memcmp (self->text, "\xfe\xff", 2) == 0
                            || memcmp (self->text, "\xff\xfe", 2) == 0))
    return FALSE;

  encoding = unknot_source_text_get_declared_encoding (self, NULL);
  return encoding == NULL || g_ascii_strcasecmp (encoding, "UTF-8") == 0
         || g_ascii_strcasecmp (encoding, "UTF8") == 0;
}
