-- Letters are revisions: a finalised letter is never changed; editing it makes a new
-- draft that supersedes it. The language and title are kept with the text.
ALTER TABLE letters ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE letters ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE letters ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE letters ADD COLUMN supersedes INTEGER REFERENCES letters (id);
ALTER TABLE letters ADD COLUMN updated_at TEXT;
CREATE INDEX letters_by_case ON letters (case_id, kind, revision);
-- Who the letter goes to (the requester, the user, the enterprise customer) and the
-- address block printed on it.
ALTER TABLE letters ADD COLUMN recipient TEXT NOT NULL DEFAULT 'requester';
ALTER TABLE letters ADD COLUMN addressee TEXT NOT NULL DEFAULT '[]';
