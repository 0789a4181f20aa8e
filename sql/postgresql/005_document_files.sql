-- Every file of an issued document, by path (ARCHITECTURE invariant 1). A document's files are
-- recorded in the transaction that records the document and renamed into place only after it
-- commits; the next run completes a rename a crash interrupted by finding the temporary file's
-- path and SHA-256 here. The primary key makes "two documents share a path" impossible.
CREATE TABLE document_files (
  path        TEXT PRIMARY KEY CHECK (path <> ''),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  document_id BIGINT NOT NULL REFERENCES issued_documents (id)
);
CREATE INDEX document_files_document ON document_files (document_id);
-- The files of documents issued before this migration (the PDF only: the workbook's digest was not
-- kept); the first of two documents already sharing a path keeps it.
INSERT INTO document_files (path, sha256, document_id)
  SELECT path, sha256, min(id) FROM issued_documents WHERE path <> '' AND length(sha256) = 64
   GROUP BY path, sha256
  ON CONFLICT (path) DO NOTHING;

-- Which process ran a run, so that the next one can tell a run still going from one that was
-- killed (status 'failed' with a note saying so).
ALTER TABLE runs ADD COLUMN host TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN pid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN note TEXT NOT NULL DEFAULT '';
