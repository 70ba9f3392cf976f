-- The first schema: everything a case is made of lives in this one encrypted file.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE reviewers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    pin_hash   TEXT NOT NULL,
    senior     INTEGER NOT NULL DEFAULT 0,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE cases (
    id                TEXT PRIMARY KEY,
    reference         TEXT NOT NULL UNIQUE,
    title             TEXT,
    received_at       TEXT NOT NULL,
    response_due      TEXT,
    country           TEXT,
    instrument        TEXT,
    status            TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    -- Sync detects conflicts from these: two versions naming the same parent.
    version_id        TEXT NOT NULL,
    parent_version_id TEXT
);
CREATE INDEX cases_by_due ON cases (response_due);
CREATE INDEX cases_by_received ON cases (received_at);

CREATE TABLE documents (
    id        INTEGER PRIMARY KEY,
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    filename  TEXT NOT NULL,
    sha256    TEXT NOT NULL,
    size      INTEGER NOT NULL,
    pages     INTEGER NOT NULL,
    pdf       BLOB NOT NULL,
    added_at  TEXT NOT NULL
);
CREATE INDEX documents_by_case ON documents (case_id);

CREATE TABLE pages (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    page_no     INTEGER NOT NULL,
    width       REAL NOT NULL,
    height      REAL NOT NULL,
    source      TEXT NOT NULL,
    text        TEXT NOT NULL DEFAULT '',
    words       TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (document_id, page_no)
);

CREATE TABLE facts (
    case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    key            TEXT NOT NULL,
    value          TEXT,
    page           INTEGER,
    box            TEXT,
    confidence     REAL,
    source         TEXT NOT NULL,
    original_value TEXT,
    updated_by     TEXT,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (case_id, key)
);

CREATE TABLE identifiers (
    id         INTEGER PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    value      TEXT,
    normalized TEXT,
    redacted   INTEGER NOT NULL DEFAULT 0,
    page       INTEGER,
    box        TEXT,
    source     TEXT NOT NULL DEFAULT 'auto'
);
CREATE INDEX identifiers_by_case ON identifiers (case_id);
CREATE INDEX identifiers_by_value ON identifiers (normalized);

CREATE TABLE data_requested (
    id       INTEGER PRIMARY KEY,
    case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    content  INTEGER NOT NULL,
    text     TEXT,
    page     INTEGER,
    box      TEXT
);
CREATE INDEX data_requested_by_case ON data_requested (case_id);

CREATE TABLE checklist_answers (
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    item_id     TEXT NOT NULL,
    answer      TEXT NOT NULL,
    source      TEXT NOT NULL,
    evidence    TEXT NOT NULL DEFAULT '[]',
    reason      TEXT,
    reviewer    TEXT,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (case_id, item_id)
);

CREATE TABLE decisions (
    id             INTEGER PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    revision       INTEGER NOT NULL,
    outcome        TEXT NOT NULL,
    reasons        TEXT NOT NULL DEFAULT '[]',
    scope          TEXT NOT NULL DEFAULT '{}',
    policy_version TEXT NOT NULL,
    decided_by     TEXT NOT NULL,
    decided_at     TEXT NOT NULL,
    approved_by    TEXT,
    approved_at    TEXT,
    UNIQUE (case_id, revision)
);

CREATE TABLE letters (
    id           INTEGER PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    body         TEXT NOT NULL,
    status       TEXT NOT NULL,
    sha256       TEXT,
    pdf          BLOB,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    finalised_at TEXT
);

CREATE TABLE secrecy_orders (
    case_id       TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    present       INTEGER NOT NULL,
    statute       TEXT,
    duration_days INTEGER,
    issued        TEXT,
    expires       TEXT,
    open_ended    INTEGER NOT NULL DEFAULT 0,
    text          TEXT,
    page          INTEGER
);

CREATE TABLE notices (
    id        INTEGER PRIMARY KEY,
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    recipient TEXT,
    due       TEXT,
    status    TEXT NOT NULL,
    sent_at   TEXT,
    letter_id INTEGER REFERENCES letters (id)
);

-- Append-only, hash-chained (app/audit.py). No foreign key to cases: the trail must
-- outlive anything it describes.
CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    workstation TEXT NOT NULL,
    case_id     TEXT,
    action      TEXT NOT NULL,
    payload     TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_by_case ON audit_events (case_id);
