/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

G_BEGIN_DECLS

/* The error as libxml2's structured-error callbacks (xmlStructuredErrorFunc) receive
 * it: read-only since libxml2 2.12, and a callback declared the other way does not
 * match the function type, which GCC 14 and later refuse to compile. */
#if LIBXML_VERSION >= 21200
typedef const xmlError UnknotXmlError;
#else
typedef xmlError UnknotXmlError;
#endif

char     *unknot_xml_error_describe                  (const xmlError *error,
                                                      gboolean        end_tag_is_outer);
gboolean  unknot_xml_error_is_encoding               (const xmlError *error);
char     *unknot_xml_error_describe_not_utf8         (guchar          byte);
char     *unknot_xml_error_describe_not_in_encoding  (const char     *encoding);
char     *unknot_xml_error_describe_unknown_encoding (const char     *encoding);

G_END_DECLS
