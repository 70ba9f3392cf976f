-- Cost recovery (issue 19, point 3): the hours spent on a case by task, priced from the
-- policy pack's rate table as it stood when they were recorded, and whether the cost is
-- sought (with its invoice's state) or waived, with the reason.
CREATE TABLE cost_records (
    case_id        TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    jurisdiction   TEXT NOT NULL,              -- the rate table's country (resources/policy/costs.toml)
    rates_version  TEXT NOT NULL,              -- the pack's version the hours were priced with
    currency       TEXT NOT NULL,              -- ISO 4217, from that rate table
    decision       TEXT NOT NULL DEFAULT 'open' CHECK (decision IN ('open', 'sought', 'waived')),
    reason         TEXT,                       -- why it is sought or waived
    decided_by     TEXT,
    decided_on     TEXT,                       -- the day it was sought or waived (YYYY-MM-DD)
    amount_cents   INTEGER,                    -- the amount sought or waived, fixed when decided
    child_exploitation INTEGER NOT NULL DEFAULT 0,  -- marked as a known child-exploitation investigation
    invoice        TEXT CHECK (invoice IS NULL OR invoice IN ('unpaid', 'paid', 'written_off')),
    settled_on     TEXT,                       -- the day it was paid or written off
    settled_reason TEXT,                       -- why it was written off
    updated_at     TEXT NOT NULL
);
CREATE INDEX cost_records_by_decision ON cost_records (decision, decided_on);

CREATE TABLE cost_hours (
    id          INTEGER PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cost_records (case_id) ON DELETE CASCADE,
    task        TEXT NOT NULL,                 -- a task the rate table prices (review, search, …)
    centi_hours INTEGER NOT NULL CHECK (centi_hours > 0),   -- hours × 100: 1.25 h is 125
    rate_cents  INTEGER NOT NULL CHECK (rate_cents >= 0),   -- per hour, in the record's currency
    reviewer    TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX cost_hours_by_case ON cost_hours (case_id, id);
