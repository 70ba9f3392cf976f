-- The team's roster travels with sync (app/roster.py): every enrolment, role change and
-- removal is an event that every workstation merges, and the reviewers table is those
-- events folded in order, plus what stays on this workstation (PIN, lockout).
CREATE TABLE roster_events (
    id          TEXT PRIMARY KEY,              -- 32 hex digits, the same on every workstation
    seq         INTEGER NOT NULL,              -- one more than any event its workstation knew (order)
    at          TEXT NOT NULL,
    workstation TEXT NOT NULL,                 -- where the change was made
    actor       TEXT,                          -- the administrator; NULL when setting up a workstation
    action      TEXT NOT NULL CHECK (action IN ('enrolled', 'role_changed', 'removed')),
    name        TEXT NOT NULL,
    role        TEXT CHECK (role IS NULL OR role IN ('reviewer', 'senior', 'administrator')),
    published   INTEGER NOT NULL DEFAULT 0     -- made here and not yet written to the share
);

-- Roster files on the share already read (each is read once; published files never change).
CREATE TABLE roster_files (
    name    TEXT PRIMARY KEY,
    read_at TEXT NOT NULL
);

-- The roster so far, as events: each reviewer's enrolment (at this workstation, whose name
-- the first audit event holds), and each removal. A reviewer known from another
-- workstation has an empty pin_hash until they set a PIN here.
INSERT INTO roster_events (id, seq, at, workstation, actor, action, name, role)
SELECT lower(hex(randomblob(16))), 1, created_at,
       coalesce(origin, (SELECT workstation FROM audit_events ORDER BY seq LIMIT 1), ''),
       enrolled_by, 'enrolled', name, role
  FROM reviewers;
INSERT INTO roster_events (id, seq, at, workstation, actor, action, name, role)
SELECT lower(hex(randomblob(16))), 2, coalesce(removed_at, created_at),
       (SELECT workstation FROM audit_events ORDER BY seq LIMIT 1), removed_by, 'removed', name, NULL
  FROM reviewers WHERE removed_at IS NOT NULL OR active = 0;
