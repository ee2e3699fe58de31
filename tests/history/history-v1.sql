-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A history as Unknot 0.1 wrote it (schema version 1), with the rows its weaker rules
-- let through: a preview at --speed recorded as a real session, steps counted twice
-- after going back, a routine skipped through recorded as completed. test-history-migrate
-- opens it with the current store and checks what each row claims afterwards.

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
CREATE INDEX sessions_counted_by_start
  ON sessions (started_at, status, steps_completed, feel)
  WHERE (status = 'completed' OR (status IN ('stopped', 'interrupted') AND steps_completed > 0));
CREATE INDEX sessions_in_progress ON sessions (id) WHERE status = 'in-progress';

-- 1. An honest session: ten minutes, a little longer than planned (time was added).
INSERT INTO sessions VALUES (1, 'post-run-recovery', 'Post-run recovery', NULL,
  '2026-11-02T07:00:00Z', '2026-11-02T07:10:30Z', 600, 610, 2, 2, 'completed', 4, 'Good');
INSERT INTO steps VALUES (1, 0, 'calves', 'petrissage', 'each', 300);
INSERT INTO steps VALUES (1, 1, 'quadriceps', 'rolling', 'both', 300);
-- 2. A preview at --speed 20: ten minutes of routine in 30 s.
INSERT INTO sessions VALUES (2, 'post-run-recovery', 'Post-run recovery', NULL,
  '2026-11-03T07:00:00Z', '2026-11-03T07:00:30Z', 600, 600, 2, 2, 'completed', NULL, NULL);
INSERT INTO steps VALUES (2, 0, 'calves', 'petrissage', 'each', 300);
INSERT INTO steps VALUES (2, 1, 'quadriceps', 'rolling', 'both', 300);
-- 3. Steps counted again after going back: 4 of 2.
INSERT INTO sessions VALUES (3, 'two-steps', 'Two steps', NULL,
  '2026-11-04T07:00:00Z', '2026-11-04T07:05:00Z', 120, 150, 4, 2, 'completed', NULL, NULL);
INSERT INTO steps VALUES (3, 0, 'calves', 'petrissage', 'both', 2);
INSERT INTO steps VALUES (3, 1, 'calves', 'petrissage', 'both', 60);
INSERT INTO steps VALUES (3, 2, 'feet', 'friction', 'both', 2);
INSERT INTO steps VALUES (3, 3, 'feet', 'friction', 'both', 60);
-- 4. A five-minute routine skipped through in 24 s.
INSERT INTO sessions VALUES (4, 'pre-run-warm-up', 'Pre-run warm-up', NULL,
  '2026-11-05T07:00:00Z', '2026-11-05T07:00:24Z', 300, 24, 5, 5, 'completed', NULL, NULL);
-- 5. Stopped after a minute of ten, one step done.
INSERT INTO sessions VALUES (5, 'post-run-recovery', 'Post-run recovery', NULL,
  '2026-11-06T07:00:00Z', '2026-11-06T07:01:01Z', 600, 61, 1, 2, 'stopped', NULL, NULL);
INSERT INTO steps VALUES (5, 0, 'calves', 'petrissage', 'each', 45);
-- 6. Cut short by a crash after two thirds of its time.
INSERT INTO sessions VALUES (6, 'post-run-recovery', 'Post-run recovery', NULL,
  '2026-11-07T07:00:00Z', NULL, 600, 400, 1, 2, 'interrupted', NULL, NULL);
INSERT INTO steps VALUES (6, 0, 'calves', 'petrissage', 'each', 300);
-- 7. Running when the old version was killed.
INSERT INTO sessions VALUES (7, 'post-run-recovery', 'Post-run recovery', NULL,
  '2026-11-08T07:00:00Z', NULL, 600, 0, 0, 2, 'in-progress', NULL, NULL);

PRAGMA user_version = 1;
