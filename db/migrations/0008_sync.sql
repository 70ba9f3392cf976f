-- Shared-drive sync (docs/bundle-format.md). What this store knows of each case's
-- versions, which version its copy of a case stands on, and conflicts waiting for a
-- reviewer. None of it is case data: it is never put in a bundle.

-- Every version this store made or read. ``ancestors`` is the whole history (parents
-- and merged versions, transitively) so descent is decided without the older files.
CREATE TABLE sync_versions (
    version_id        TEXT PRIMARY KEY,
    case_id           TEXT NOT NULL,
    parent_version_id TEXT,
    ancestors         TEXT NOT NULL DEFAULT '[]',
    origin            TEXT NOT NULL,          -- local | imported
    author            TEXT NOT NULL,
    workstation       TEXT NOT NULL,
    created           TEXT NOT NULL,
    published         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_versions_by_case ON sync_versions (case_id);

-- The version a case's local copy stands on, and the last audit event that version
-- holds: a case event after ``synced_seq`` is a change not yet published.
CREATE TABLE sync_cases (
    case_id       TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    base_version  TEXT NOT NULL,
    synced_seq    INTEGER NOT NULL,
    pending_merge TEXT NOT NULL DEFAULT '[]'
);

-- Another workstation's version that does not descend from ours: kept whole (the
-- verified, decrypted bundle, inside this encrypted store) until a reviewer chooses.
CREATE TABLE sync_conflicts (
    case_id       TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    their_version TEXT NOT NULL,
    bundle        BLOB NOT NULL,
    found_at      TEXT NOT NULL
);

-- An event imported from another workstation keeps its identity there: the hash it
-- got in its first chain, with that chain's sequence number and previous hash. The
-- event's hash in this store's chain covers these too (app/audit.py).
ALTER TABLE audit_events ADD COLUMN origin_id TEXT;
ALTER TABLE audit_events ADD COLUMN origin_seq INTEGER;
ALTER TABLE audit_events ADD COLUMN origin_prev TEXT;
CREATE INDEX audit_by_event_id ON audit_events (case_id, coalesce(origin_id, hash));
