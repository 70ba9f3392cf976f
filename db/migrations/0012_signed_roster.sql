-- Who wrote it (issue 17): roster events are signed by the workstation that made them, and
-- the roster admits workstations with their Ed25519 public keys ('admitted' events). SQLite
-- cannot widen a CHECK constraint in place, so the events table is copied into a new one.
CREATE TABLE roster_events_new (
    id          TEXT PRIMARY KEY,              -- 32 hex digits, the same on every workstation
    seq         INTEGER NOT NULL,              -- one more than any event its workstation knew (order)
    at          TEXT NOT NULL,
    workstation TEXT NOT NULL,                 -- where the change was made, and who signed it
    actor       TEXT,                          -- the administrator; NULL when setting up a workstation
    action      TEXT NOT NULL CHECK (action IN ('enrolled', 'role_changed', 'removed', 'admitted')),
    name        TEXT NOT NULL,                 -- a reviewer, or for 'admitted' a workstation
    role        TEXT CHECK (role IS NULL OR role IN ('reviewer', 'senior', 'administrator')),
    published   INTEGER NOT NULL DEFAULT 0,    -- made here and not yet written to the share
    key         TEXT,                          -- 'admitted': the workstation's public key (base64)
    sig         TEXT                           -- Ed25519 signature by `workstation`; NULL until signed
);
INSERT INTO roster_events_new (id, seq, at, workstation, actor, action, name, role, published)
SELECT id, seq, at, workstation, actor, action, name, role, published FROM roster_events;
DROP TABLE roster_events;
ALTER TABLE roster_events_new RENAME TO roster_events;

-- Workstations that asked to join: the public key their roster file named, for an
-- administrator to compare out of band before `team admit`.
CREATE TABLE roster_requests (
    workstation TEXT NOT NULL,
    key         TEXT NOT NULL,
    first_seen  TEXT NOT NULL,
    file        TEXT NOT NULL,
    PRIMARY KEY (workstation, key)
);

-- This workstation's own changes go to the share again at the next sync, signed this time,
-- so that a workstation joining later can check who made them.
UPDATE roster_events SET published = 0
 WHERE workstation = (SELECT value FROM settings WHERE key = 'workstation');
