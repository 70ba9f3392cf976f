-- Full-text search over what a case says: its reference, title and page text.
-- The index lives inside the encrypted file like everything else.
CREATE VIRTUAL TABLE case_search USING fts5 (
    case_id UNINDEXED,
    reference,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO case_search (case_id, reference, body)
SELECT c.id,
       c.reference,
       coalesce(c.title, '') || ' ' || coalesce(
           (SELECT group_concat(p.text, ' ')
              FROM documents d JOIN pages p ON p.document_id = d.id
             WHERE d.case_id = c.id), '')
  FROM cases c;
