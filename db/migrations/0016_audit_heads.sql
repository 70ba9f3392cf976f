-- Signed audit chain heads on the share (issue 17, app/audit_heads.py). Each workstation
-- publishes, at every sync that changed its trail, its chain head signed with its key and
-- the newest version it holds of each case; every workstation keeps the heads it has read
-- (its own included), so a head that goes backwards, or a version that goes missing, is seen.

-- Every head read from the share (or published here) whose signature the roster vouches
-- for; a row per file, so a file is read once and a file whose row is gone is read again.
CREATE TABLE audit_heads (
    file        TEXT PRIMARY KEY,              -- its name on the share
    workstation TEXT NOT NULL,                 -- whose trail, and who signed it
    number      INTEGER NOT NULL,              -- that workstation's count of heads it published
    seq         INTEGER NOT NULL,              -- its chain's newest event then
    hash        TEXT NOT NULL,
    written     TEXT NOT NULL,
    cases       TEXT NOT NULL DEFAULT '{}',    -- case id -> {version, events, digest}
    holds       TEXT NOT NULL DEFAULT '{}',    -- workstation -> {number, seq, hash}: heads it held of others
    read_at     TEXT NOT NULL
);
CREATE INDEX audit_heads_by_workstation ON audit_heads (workstation, number);

-- What the heads showed wrong about another workstation's trail or a version on the share:
-- kept (a head that went backwards stays evidence), listed by `audit verify`. 'withheld'
-- findings are the ones of the last sync only: a version that comes back is no longer one.
CREATE TABLE audit_head_findings (
    what        TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('rollback', 'withheld', 'omits')),
    workstation TEXT NOT NULL,
    case_id     TEXT,
    found_at    TEXT NOT NULL
);

-- How many audit events each version holds, and the SHA-256 of their identities, so a head
-- can say what a version it lists holds; NULL for versions known before this migration.
ALTER TABLE sync_versions ADD COLUMN events INTEGER;
ALTER TABLE sync_versions ADD COLUMN events_digest TEXT;
