/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/xmlerror.h>

G_BEGIN_DECLS

char *unknot_xml_error_describe (const xmlError *error);

G_END_DECLS
