-- Disclosures without legal process (issue 19, point 2): an NCMEC report, a report of a user
-- about to harm themselves or others, a report of a crime against the provider or a customer,
-- an emergency disclosure. Each is a case of its own (cases.instrument 'voluntary_disclosure',
-- no demand behind it); this row says why, what, to whom, when, and who approved it.
CREATE TABLE disclosures (
    case_id           TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    ground            TEXT NOT NULL,           -- a ground of resources/policy/disclosure_grounds.toml
    recipient         TEXT NOT NULL,           -- the authority or organisation told
    recipient_country TEXT,                    -- ISO 3166 code; the report counts by it
    disclosed_on      TEXT NOT NULL,           -- the day it was (or is to be) made, YYYY-MM-DD
    justification     TEXT NOT NULL,
    categories        TEXT NOT NULL DEFAULT '[]',
    emergency         INTEGER NOT NULL,        -- the ground is an emergency (as the pack said then)
    made_before_approval INTEGER NOT NULL DEFAULT 0,  -- gone out before a second reviewer approved
    recorded_by       TEXT NOT NULL,
    recorded_at       TEXT NOT NULL,
    approved_by       TEXT,
    approved_at       TEXT,
    pack_version      TEXT NOT NULL
);
