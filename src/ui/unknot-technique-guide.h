/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-vocabulary.h"

G_BEGIN_DECLS

/* What the glossary says of each technique, and where it shows it. */
typedef struct
{
  UnknotRegion region;
  UnknotTool tool;
  UnknotSide side;
} UnknotTechniqueExample;

const char            *unknot_technique_guide_get_how_to  (UnknotTechnique technique);
UnknotTechniqueExample unknot_technique_guide_get_example (UnknotTechnique technique);

G_END_DECLS
