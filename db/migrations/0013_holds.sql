-- Preservation holds (issue 19): a preservation request (18 U.S.C. § 2703(f) and its
-- equivalents) obliges the provider to keep what it holds on the named accounts for a
-- period the requester may extend. One hold per preservation case.
CREATE TABLE holds (
    case_id             TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    identifiers         TEXT NOT NULL,      -- JSON [{"kind", "value"}]: exactly what is held
    country             TEXT,               -- whose law sets the period (the pack's entry)
    statute             TEXT NOT NULL,
    starts              TEXT NOT NULL,      -- the day the request was served
    until               TEXT NOT NULL,      -- the first period's last day
    extensions          TEXT NOT NULL DEFAULT '[]',  -- JSON [{"until", "reason", "by", "on"}]
    requester           TEXT,               -- the issuing authority
    requester_reference TEXT,               -- their file or case number
    released_on         TEXT,               -- released by a reviewer (the requester said so)
    release_reason      TEXT,
    created_by          TEXT NOT NULL,
    created_at          TEXT NOT NULL
);
