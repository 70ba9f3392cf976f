-- Secrecy orders as they change after intake: whom they cover, extensions, a challenge,
-- lifting, and when an open-ended one was last reconsidered.
ALTER TABLE secrecy_orders ADD COLUMN covers TEXT NOT NULL DEFAULT 'both';
ALTER TABLE secrecy_orders ADD COLUMN extensions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE secrecy_orders ADD COLUMN challenged_on TEXT;
ALTER TABLE secrecy_orders ADD COLUMN challenge_outcome TEXT;
ALTER TABLE secrecy_orders ADD COLUMN lifted_on TEXT;
ALTER TABLE secrecy_orders ADD COLUMN reconsidered_on TEXT;

-- A notice given (how, when) or withheld by a recorded exception (why, who decided).
ALTER TABLE notices ADD COLUMN how TEXT;
ALTER TABLE notices ADD COLUMN exception_kind TEXT;
ALTER TABLE notices ADD COLUMN reason TEXT;
ALTER TABLE notices ADD COLUMN decided_by TEXT;
ALTER TABLE notices ADD COLUMN recorded_at TEXT;

-- The response deadline's changes: extensions (a new due date) and pauses (the clock
-- stopped while the requester answers).
CREATE TABLE deadline_changes (
    id         INTEGER PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,          -- extension | pause
    starts     TEXT NOT NULL,          -- the new due date, or the day the pause began
    ends       TEXT,                   -- the day a pause ended (NULL while it lasts)
    reason     TEXT NOT NULL,
    reviewer   TEXT NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX deadline_changes_by_case ON deadline_changes (case_id, id);
