-- Roles instead of a senior flag, who enrolled whom, removal kept as history, and the
-- wrong-PIN count that locks a reviewer out for a while.
ALTER TABLE reviewers ADD COLUMN role TEXT NOT NULL DEFAULT 'reviewer'
    CHECK (role IN ('reviewer', 'senior', 'administrator'));
ALTER TABLE reviewers ADD COLUMN enrolled_by TEXT;
ALTER TABLE reviewers ADD COLUMN removed_at TEXT;
ALTER TABLE reviewers ADD COLUMN removed_by TEXT;
ALTER TABLE reviewers ADD COLUMN failed_pins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reviewers ADD COLUMN locked_until TEXT;
-- Known from another workstation's roster only (a sync brought it): shown as such.
ALTER TABLE reviewers ADD COLUMN origin TEXT;

UPDATE reviewers SET role = 'senior' WHERE senior = 1;
-- The reviewer who set the workstation up administers it (every workstation has one).
UPDATE reviewers SET role = 'administrator'
 WHERE name = (SELECT value FROM settings WHERE key = 'default_reviewer')
    OR (id = (SELECT min(id) FROM reviewers)
        AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'default_reviewer'));
