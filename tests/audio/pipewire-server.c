/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pulse-fixtures.h"

#include <glib/gstdio.h>

#include "unknot-test-utils.h"

/* A private PipeWire server that the app reaches through its PulseAudio protocol, as on
 * most desktops today: four processes, all in the test's own runtime folder.
 *
 * - A session bus of its own. WirePlumber exits at once without one, and without
 *   WirePlumber nothing links streams to nodes: a recording of the monitor is then
 *   accepted but never receives a sample, and nothing the app plays reaches the sink.
 * - pipewire, the graph; WirePlumber, which links each stream to its target or to the
 *   default sink; pipewire-pulse, the PulseAudio protocol the app and pactl speak.
 * - WirePlumber is told to leave the machine's sound cards, cameras and Bluetooth
 *   alone: the null sink "test" is the only output, as with the PulseAudio daemon. */

#define READY_MS 10000

/* Read by WirePlumber from the private configuration folder, after its own defaults:
 * Lua for WirePlumber 0.4, a fragment of its main configuration from 0.5 on. */
static const char *const quiet_profile =
  "wireplumber.profiles = {\n"
  "  main = {\n"
  "    monitor.alsa = disabled\n"
  "    monitor.alsa-midi = disabled\n"
  "    monitor.bluez = disabled\n"
  "    monitor.bluez-midi = disabled\n"
  "    monitor.v4l2 = disabled\n"
  "    monitor.libcamera = disabled\n"
  "  }\n"
  "}\n";
static const char *const quiet_monitors =
  "alsa_monitor.enabled = false\n"
  "v4l2_monitor.enabled = false\n"
  "libcamera_monitor.enabled = false\n";
static const char *const quiet_bluetooth = "bluez_monitor.enabled = false\n";

static void
write_config (const char *folder)
{
  g_autofree char *config = g_build_filename (folder, "config", NULL);
  g_autofree char *main_d = g_build_filename (config, "wireplumber", "main.lua.d", NULL);
  g_autofree char *bluetooth_d = g_build_filename (config, "wireplumber", "bluetooth.lua.d",
                                                   NULL);
  g_autofree char *conf_d = g_build_filename (config, "wireplumber", "wireplumber.conf.d",
                                             NULL);
  g_autofree char *state = g_build_filename (folder, "state", NULL);

  g_assert_cmpint (g_mkdir_with_parents (main_d, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (bluetooth_d, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (conf_d, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (state, 0700), ==, 0);
  unknot_test_write_file (conf_d, "90-unknot-test.conf", quiet_profile);
  unknot_test_write_file (main_d, "90-unknot-test.lua", quiet_monitors);
  unknot_test_write_file (bluetooth_d, "90-unknot-test.lua", quiet_bluetooth);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  /* Where WirePlumber keeps the default sink and stream volumes across restarts. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
}

static gboolean
exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
start_bus (PulseServer *self)
{
  g_autofree char *socket = g_build_filename (self->folder, "bus", NULL);
  g_autofree char *listen = g_strconcat ("--address=unix:path=", socket, NULL);
  g_autofree char *address = g_strconcat ("unix:path=", socket, NULL);
  const char *argv[] = { "dbus-daemon", "--session", "--nofork", "--nopidfile", listen, NULL };

  pulse_server_spawn (self, argv);
  g_assert_true (unknot_test_wait_until (exists, socket, READY_MS));
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
}

/* The newest PipeWire refuses a default sink until WirePlumber has taken the new sink
 * in: asked again until it is. */
static gboolean
made_default (gpointer argv)
{
  return pulse_server_pactl (argv);
}

static gboolean
default_sink_is_test (gpointer data)
{
  const char *argv[] = { "pactl", "get-default-sink", NULL };
  g_autofree char *out = pulse_server_pactl_output (argv);

  return out != NULL && g_str_equal (g_strstrip (out), PULSE_SERVER_SINK);
}

/* The null sink "test", loaded into pipewire-pulse (and gone with it), made the
 * default. */
void
pipewire_server_add_sink (PulseServer *self)
{
  /* Loaded by pipewire-pulse for a desktop without outputs; here it would stand in for
   * the test sink while that is unloaded. */
  const char *const no_stand_in[] = { "pactl", "unload-module", "module-always-sink", NULL };
  /* Not left to WirePlumber's choice, should it see other outputs all the same. */
  const char *const make_default[] = { "pactl", "set-default-sink", PULSE_SERVER_SINK, NULL };

  /* A release that no longer loads it by default fails this, and that is fine. */
  pulse_server_pactl (no_stand_in);
  pulse_server_load_sink (self);
  g_assert_true (unknot_test_wait_until (made_default, (gpointer) make_default, READY_MS));
  /* WirePlumber makes it the default: then it is running, and links. */
  g_assert_true (unknot_test_wait_until (default_sink_is_test, NULL, READY_MS));
}

/**
 * pipewire_server_start:
 *
 * Returns: the server, its null sink "test" the default, or %NULL when PipeWire,
 *   WirePlumber, pipewire-pulse, pactl or dbus-daemon is not installed
 */
PulseServer *
pipewire_server_start (void)
{
  const char *programs[] = { "pipewire", "wireplumber", "pipewire-pulse", "pactl",
                             "dbus-daemon" };
  const char *const pipewire[] = { "pipewire", NULL };
  const char *const wireplumber[] = { "wireplumber", NULL };
  const char *const pipewire_pulse[] = { "pipewire-pulse", NULL };
  PulseServer *self;
  g_autofree char *graph_socket = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_autofree char *path = g_find_program_in_path (programs[i]);
      if (path == NULL)
        return NULL;
    }
  self = pulse_server_new ("unknot-pipewire");
  write_config (self->folder);
  start_bus (self);
  pulse_server_spawn (self, pipewire);
  graph_socket = g_build_filename (self->folder, "pipewire-0", NULL);
  g_assert_true (unknot_test_wait_until (exists, graph_socket, READY_MS));
  pulse_server_spawn (self, wireplumber);
  pulse_server_spawn_protocol (self, pipewire_pulse);
  pulse_server_wait_answers (self);
  pipewire_server_add_sink (self);
  return self;
}
