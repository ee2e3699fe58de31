-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A history as schema version 2 left it, before sessions recorded the kind of run they
-- followed: test-history-migrate-v2 opens it with the current store and checks that
-- every row stays, that none claims to have followed a run, and that the new column
-- takes a run kind and refuses anything else.

CREATE TABLE sessions (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  routine_id       TEXT NOT NULL,
  routine_name     TEXT NOT NULL,
  routine_checksum TEXT,
  started_at       TEXT NOT NULL CHECK (started_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
  finished_at      TEXT CHECK (finished_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
  planned_seconds  INTEGER NOT NULL CHECK (planned_seconds >= 0),
  active_seconds   INTEGER NOT NULL DEFAULT 0 CHECK (active_seconds >= 0),
  steps_completed  INTEGER NOT NULL DEFAULT 0 CHECK (steps_completed >= 0),
  steps_total      INTEGER NOT NULL CHECK (steps_total >= 0),
  status           TEXT NOT NULL DEFAULT 'in-progress'
                   CHECK (status IN ('in-progress', 'completed', 'stopped', 'interrupted')),
  feel             INTEGER CHECK (feel BETWEEN 1 AND 5),
  note             TEXT
) STRICT;
CREATE TABLE steps (
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL CHECK (position >= 0),
  region     TEXT NOT NULL,
  technique  TEXT NOT NULL,
  side       TEXT NOT NULL,
  seconds    INTEGER NOT NULL CHECK (seconds >= 0),
  PRIMARY KEY (session_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_by_start ON sessions (started_at, id);
CREATE INDEX sessions_counted_by_start ON sessions (started_at, feel)
  WHERE (status <> 'in-progress' AND active_seconds * 2 >= planned_seconds);
CREATE INDEX sessions_in_progress ON sessions (id) WHERE status = 'in-progress';

-- 1. A session after a long run, before the app could say so.
INSERT INTO sessions VALUES (1, 'post-run-recovery', 'Post-run recovery', NULL,
  '2026-11-02T07:00:00Z', '2026-11-02T07:10:30Z', 600, 610, 2, 2, 'completed', 4, 'Good');
INSERT INTO steps VALUES (1, 0, 'calves', 'petrissage', 'each', 300);
INSERT INTO steps VALUES (1, 1, 'quadriceps', 'rolling', 'both', 300);
-- 2. Stopped early.
INSERT INTO sessions VALUES (2, 'calves-and-achilles', 'Calves and Achilles', NULL,
  '2026-11-03T18:00:00Z', '2026-11-03T18:01:00Z', 500, 60, 1, 6, 'stopped', NULL, NULL);
INSERT INTO steps VALUES (2, 0, 'calves', 'effleurage', 'each', 60);
-- 3. Cut short by a crash after most of its time.
INSERT INTO sessions VALUES (3, 'after-race', 'After a race', NULL,
  '2026-11-04T12:00:00Z', NULL, 500, 400, 5, 6, 'interrupted', NULL, NULL);

PRAGMA user_version = 2;
