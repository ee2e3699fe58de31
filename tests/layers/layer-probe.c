/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One real file of a layer of src/, compiled exactly as that layer's library compiles
 * it (tests/layers/meson.build gives it the layer's flags), with a header the layer
 * must not see included first. check-layers expects that to fail on that header, and
 * the control, the same file without it, to compile. */
#ifdef PROBE_FORBIDDEN_HEADER
#include PROBE_FORBIDDEN_HEADER
#endif
#include PROBE_LAYER_SOURCE
