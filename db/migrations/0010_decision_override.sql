-- A senior reviewer may record a decision the rules refused (app/review/limits.py), with
-- a written reason. The reason and the rules overridden stay with the decision, so the
-- case, a synced copy and the transparency report's notes all show them.
ALTER TABLE decisions ADD COLUMN override_reason TEXT;
ALTER TABLE decisions ADD COLUMN override_rules TEXT NOT NULL DEFAULT '[]';
