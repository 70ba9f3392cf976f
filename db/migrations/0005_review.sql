-- What a reviewer establishes about a case that no scan can tell (an enterprise
-- customer, where the data is stored, a journalist as target): one row per fact.
CREATE TABLE review_context (
    case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    key      TEXT NOT NULL,
    value    TEXT NOT NULL,
    reason   TEXT,
    reviewer TEXT NOT NULL,
    set_at   TEXT NOT NULL,
    PRIMARY KEY (case_id, key)
);

-- A decision keeps what it was made from, so it can be replayed against its pack.
ALTER TABLE decisions ADD COLUMN basis TEXT NOT NULL DEFAULT '{}';
ALTER TABLE decisions ADD COLUMN recommended TEXT;

-- The requester's own e-mail addresses and phone numbers, read beside the targets: the
-- review checks them against the directory of requesting authorities.
ALTER TABLE identifiers ADD COLUMN role TEXT NOT NULL DEFAULT 'target';
