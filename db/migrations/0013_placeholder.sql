-- PLACEHOLDER, branch `holds` only: migration 0013 belongs to another branch being built at
-- the same time, and migrations must be numbered 1..N. Delete this file when merging; the
-- loader refuses two 0013s, so a merge that keeps both fails at once rather than silently.
SELECT 1;
