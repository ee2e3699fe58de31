/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UNKNOT_PACK_ERROR (unknot_pack_error_quark ())

/* Why a routine pack is refused, or could not be written. */
typedef enum
{
  UNKNOT_PACK_ERROR_IO,              /* cannot read the pack or write where it goes */
  UNKNOT_PACK_ERROR_NOT_A_PACK,      /* not a ZIP archive, or a damaged one */
  UNKNOT_PACK_ERROR_TOO_LARGE,       /* over a size limit, packed or unpacked */
  UNKNOT_PACK_ERROR_TOO_MANY_FILES,
  UNKNOT_PACK_ERROR_BAD_PATH,        /* absolute, "..", a drive letter, "\" … */
  UNKNOT_PACK_ERROR_LINK,            /* a symbolic or hard link */
  UNKNOT_PACK_ERROR_SPECIAL_FILE,    /* a device, FIFO or socket */
  UNKNOT_PACK_ERROR_DUPLICATE,       /* a name that is already in the pack */
  UNKNOT_PACK_ERROR_ENCRYPTED,
  UNKNOT_PACK_ERROR_NO_ROUTINE,      /* no routine file at the top of the pack */
  UNKNOT_PACK_ERROR_SEVERAL_ROUTINES,
  UNKNOT_PACK_ERROR_UNUSED_FILE,     /* a file the routine does not name */
  UNKNOT_PACK_ERROR_INVALID_ROUTINE, /* the routine inside has errors */
} UnknotPackError;

GQuark unknot_pack_error_quark (void);

G_END_DECLS
