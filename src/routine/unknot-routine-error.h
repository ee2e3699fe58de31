/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UNKNOT_ROUTINE_ERROR (unknot_routine_error_quark ())

/* One code per kind of mistake, so tests and tools can tell them apart without parsing
 * the (translated) message. */
typedef enum
{
  UNKNOT_ROUTINE_ERROR_IO,                 /* the file cannot be opened or read */
  UNKNOT_ROUTINE_ERROR_NOT_A_FILE,         /* a folder, FIFO, device … named *.xml */
  UNKNOT_ROUTINE_ERROR_TOO_LARGE,          /* over the size cap, checked before parsing */
  UNKNOT_ROUTINE_ERROR_EMPTY,              /* zero bytes or only whitespace */
  UNKNOT_ROUTINE_ERROR_MALFORMED,          /* not well-formed XML, bad encoding */
  UNKNOT_ROUTINE_ERROR_DOCTYPE,            /* DOCTYPE, DTD or entity declarations */
  UNKNOT_ROUTINE_ERROR_XINCLUDE,           /* XInclude or any other namespaced markup */
  UNKNOT_ROUTINE_ERROR_WRONG_ROOT,         /* the root element is not <routine> */
  UNKNOT_ROUTINE_ERROR_FORMAT_MISSING,     /* <routine> has no format attribute */
  UNKNOT_ROUTINE_ERROR_FORMAT_UNSUPPORTED, /* a format version this build does not read */
  UNKNOT_ROUTINE_ERROR_BAD_ID,             /* id missing or not [a-z0-9-] */
  UNKNOT_ROUTINE_ERROR_DUPLICATE_ID,       /* another file in the library has the same id */
  UNKNOT_ROUTINE_ERROR_UNKNOWN_ELEMENT,
  UNKNOT_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
  UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT,
  UNKNOT_ROUTINE_ERROR_MISSING_ATTRIBUTE,
  UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT,  /* e.g. two <name> for the same language */
  UNKNOT_ROUTINE_ERROR_EMPTY_TEXT,
  UNKNOT_ROUTINE_ERROR_BAD_DURATION,       /* not of the form 45s, 2m, 1m30s */
  UNKNOT_ROUTINE_ERROR_DURATION_RANGE,     /* well-formed but too short or too long */
  UNKNOT_ROUTINE_ERROR_ROUTINE_TOO_LONG,   /* the whole routine is over the limit */
  UNKNOT_ROUTINE_ERROR_UNKNOWN_VALUE,      /* a region, technique, tool … not in the vocabulary */
  UNKNOT_ROUTINE_ERROR_CUE_OUTSIDE_STEP,
  UNKNOT_ROUTINE_ERROR_BAD_MEDIA_PATH,     /* absolute, URI, or leaves the routine's folder */
  UNKNOT_ROUTINE_ERROR_MISSING_MEDIA,
  UNKNOT_ROUTINE_ERROR_MISPLACED,          /* text outside any element, an element out of order */
  UNKNOT_ROUTINE_ERROR_SCHEMA,             /* rejected by routine.rng for another reason */
  UNKNOT_ROUTINE_ERROR_IGNORED,            /* a warning: something that has no effect */
  UNKNOT_ROUTINE_ERROR_SAFETY_NOTE,        /* a warning: the safety note lacks what the steps call for */
  UNKNOT_ROUTINE_ERROR_CLAIMED_LENGTH,     /* a warning: the text states another length */
} UnknotRoutineError;

GQuark unknot_routine_error_quark (void);

G_END_DECLS
