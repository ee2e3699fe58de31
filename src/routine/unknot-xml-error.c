/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-xml-error.h"

/* Our words for the XML mistakes people make when they write a routine by hand.
 *
 * libxml2 describes a mistake in its own terms, in English only ("xmlParseEntityRef: no
 * name" for a lone "&"). For the common ones we say what is wrong and what to type
 * instead, in the user's language; the rest keep libxml2's description. The names and
 * lines come from the fields libxml2 fills for each code (str1, str2, int1). */

static char *
describe_ampersand (void)
{
  return g_strdup (_("an '&' that starts no character reference: write it as '&amp;'"));
}

/* libxml2 gives one code to a nameless "&" and to a "<" followed by no name. */
static char *
describe_missing_name (const xmlError *error)
{
  if (error->message != NULL && g_str_has_prefix (error->message, "xmlParseEntityRef"))
    return describe_ampersand ();
  if (error->message != NULL && g_str_has_prefix (error->message, "StartTag"))
    return g_strdup (_("a '<' that starts no tag: write it as '&lt;'"));
  return NULL;
}

static char *
describe_mismatch (const xmlError *error,
                   gboolean        end_tag_is_outer)
{
  if (error->str2 == NULL)
    return NULL;
  if (end_tag_is_outer)
    /* Translators: e.g. the end tag </step> does not close <title>, opened on line 8: is
     * </title> missing before it? Keep the tags as they are. */
    return g_strdup_printf (_("the end tag </%s> does not close <%s>, opened on line %d: is "
                              "</%s> missing before it?"),
                            error->str2, error->str1, error->int1, error->str1);
  /* Translators: e.g. the end tag </nmae> does not close <name>, opened on line 5: … */
  return g_strdup_printf (_("the end tag </%s> does not close <%s>, opened on line %d: end "
                            "each element with its own name"),
                          error->str2, error->str1, error->int1);
}

static char *
describe_with_names (const xmlError *error,
                     gboolean        end_tag_is_outer)
{
  switch ((int) error->code)
    {
    case XML_ERR_TAG_NAME_MISMATCH:
      return describe_mismatch (error, end_tag_is_outer);
    case XML_ERR_TAG_NOT_FINISHED:
      /* Translators: e.g. the file ends while <routine>, opened on line 4, is still open */
      return g_strdup_printf (_("the file ends while <%s>, opened on line %d, is still open: "
                                "add its end tag"),
                              error->str1, error->int1);
    case XML_ERR_GT_REQUIRED:
      /* Translators: e.g. the tag <step> is not closed with '>' */
      return g_strdup_printf (_("the tag <%s> is not closed with '>'"), error->str1);
    case XML_ERR_UNDECLARED_ENTITY:
      /* Translators: e.g. '&nbsp;' is not known in XML: … */
      return g_strdup_printf (_("'&%s;' is not known in XML: type the character itself, or "
                                "write '&amp;' for an '&'"),
                              error->str1);
    case XML_ERR_ATTRIBUTE_REDEFINED:
      /* Translators: %s is the attribute's name, such as duration */
      return g_strdup_printf (_("the attribute '%s' is given twice in one element: keep one"),
                              error->str1);
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
      /* Translators: %s is the attribute's name, such as duration */
      return g_strdup_printf (_("the attribute '%s' has no value: give it one in quotes, as "
                                "in duration=\"45s\""),
                              error->str1);
    default:
      return NULL;
    }
}

/**
 * unknot_xml_error_describe:
 * @end_tag_is_outer: for an end tag that does not close the element open last, whether
 *   it closes one open further out, so that the last one's end tag is missing
 *
 * Returns: (transfer full) (nullable): what is wrong and what to do, in the user's
 * language, or %NULL for a mistake without words of ours.
 */
char *
unknot_xml_error_describe (const xmlError *error,
                           gboolean        end_tag_is_outer)
{
  g_return_val_if_fail (error != NULL, NULL);

  switch ((int) error->code)
    {
    case XML_ERR_NAME_REQUIRED:
      return describe_missing_name (error);
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      return describe_ampersand ();
    case XML_ERR_LT_IN_ATTRIBUTE:
      return g_strdup (_("a '<' in an attribute's value: write it as '&lt;'"));
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
      return g_strdup (_("an attribute's value is not in quotes: write it as in "
                         "duration=\"45s\""));
    case XML_ERR_DOCUMENT_END:
      return g_strdup (_("there is more after the end of the routine: everything belongs "
                         "inside <routine>…</routine>"));
    default:
      break;
    }

  /* The rest name an element or attribute; without the name, libxml2's words say more. */
  if (error->str1 == NULL)
    return NULL;
  return describe_with_names (error, end_tag_is_outer);
}

/* Whether libxml2 found bytes that are not text in the file's encoding, which it
 * reports under different codes from one version to the next. */
gboolean
unknot_xml_error_is_encoding (const xmlError *error)
{
  switch ((int) error->code)
    {
    case XML_ERR_INVALID_ENCODING:
    case XML_I18N_CONV_FAILED:
    case XML_IO_ENCODER:
      return TRUE;
    case XML_ERR_INVALID_CHAR:
      /* Before 2.12, bytes that are not UTF-8 share the code of a forbidden character. */
      return error->message != NULL && g_str_has_prefix (error->message,
                                                         "Input is not proper UTF-8");
    default:
      return FALSE;
    }
}

/* What to do about a file whose bytes are not UTF-8, though it says or lets them be. */
char *
unknot_xml_error_describe_not_utf8 (guchar byte)
{
  /* Translators: %02X is the byte in hexadecimal, such as E9 for a Latin-1 "é" */
  return g_strdup_printf (_("the file is not saved as UTF-8 (byte 0x%02X here is not UTF-8): "
                            "save it as UTF-8 in your editor"), byte);
}

/* What to do about a file whose bytes are not in the encoding it declares. */
char *
unknot_xml_error_describe_not_in_encoding (const char *encoding)
{
  /* Translators: %s is the encoding the file names, such as Shift_JIS; keep
   * encoding="UTF-8" as it is */
  return g_strdup_printf (_("the file says it is in the encoding %s, but its bytes are not: "
                            "save it as UTF-8, and write encoding=\"UTF-8\" at its top"),
                          encoding);
}

/* What to do about an encoding this system cannot read. */
char *
unknot_xml_error_describe_unknown_encoding (const char *encoding)
{
  /* Translators: %s is the encoding the file names; keep encoding="UTF-8" as it is */
  return g_strdup_printf (_("the encoding %s is not known here: save the file as UTF-8, and "
                            "write encoding=\"UTF-8\" at its top"), encoding);
}
