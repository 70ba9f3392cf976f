-- The queue's first page by due date, without reading and sorting every case: the
-- index matches the queue's ORDER BY exactly (cases without a due date last).
CREATE INDEX cases_queue ON cases (response_due IS NULL, response_due, received_at);

-- Which full-text row belongs to which case, so re-indexing a case deletes its old row
-- by rowid instead of scanning the whole index for an UNINDEXED column.
CREATE TABLE case_search_rows (
    case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    row     INTEGER NOT NULL UNIQUE
);
INSERT INTO case_search_rows (case_id, row)
SELECT case_id, max(rowid) FROM case_search GROUP BY case_id;
