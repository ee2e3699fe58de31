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
describe_with_names (const xmlError *error)
{
  switch ((int) error->code)
    {
    case XML_ERR_TAG_NAME_MISMATCH:
      if (error->str2 == NULL)
        return NULL;
      return g_strdup_printf (_("the end tag </%s> does not close <%s>, opened on line %d: end "
                                "each element with its own name"),
                              error->str2, error->str1, error->int1);
    case XML_ERR_TAG_NOT_FINISHED:
      return g_strdup_printf (_("the file ends while <%s>, opened on line %d, is still open: "
                                "add its end tag"),
                              error->str1, error->int1);
    case XML_ERR_GT_REQUIRED:
      return g_strdup_printf (_("the tag <%s> is not closed with '>'"), error->str1);
    case XML_ERR_UNDECLARED_ENTITY:
      return g_strdup_printf (_("'&%s;' is not known in XML: type the character itself, or "
                                "write '&amp;' for an '&'"),
                              error->str1);
    case XML_ERR_ATTRIBUTE_REDEFINED:
      return g_strdup_printf (_("the attribute '%s' is given twice in one element: keep one"),
                              error->str1);
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
      return g_strdup_printf (_("the attribute '%s' has no value: give it one in quotes, as "
                                "in duration=\"45s\""),
                              error->str1);
    default:
      return NULL;
    }
}

/**
 * unknot_xml_error_describe:
 *
 * Returns: (transfer full) (nullable): what is wrong and what to do, in the user's
 * language, or %NULL for a mistake without words of ours.
 */
char *
unknot_xml_error_describe (const xmlError *error)
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
  return describe_with_names (error);
}
