-- Officers' work on comments: moderation, redaction, themes, search and the audit log.

-- Why a comment was hidden, in the officer's words (shown in the export, never publicly).
ALTER TABLE comments ADD COLUMN moderation_note TEXT;
-- When personal data was last taken out of the text. The text column then
-- holds the redacted text; the words removed are kept only in audit_log.
ALTER TABLE comments ADD COLUMN redacted_at TEXT;

CREATE INDEX comments_by_status ON comments (status, id);
CREATE INDEX responses_by_received_at ON responses (received_at);

CREATE TABLE themes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
);

CREATE TABLE comment_themes (
  comment_id INTEGER NOT NULL REFERENCES comments (id),
  theme_id INTEGER NOT NULL REFERENCES themes (id),
  PRIMARY KEY (comment_id, theme_id)
) WITHOUT ROWID;

CREATE INDEX comment_themes_by_theme ON comment_themes (theme_id, comment_id);

-- Every officer action: who, what, when, on what, with the details as JSON.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  officer TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT NOT NULL DEFAULT '{}'
);

-- Full-text search over what officers see: the comment text as stored (redacted where redacted).
CREATE VIRTUAL TABLE comments_search USING fts5 (
  text,
  content = 'comments',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER comments_search_insert AFTER INSERT ON comments BEGIN
  INSERT INTO comments_search (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER comments_search_delete AFTER DELETE ON comments BEGIN
  INSERT INTO comments_search (comments_search, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER comments_search_update AFTER UPDATE OF text ON comments BEGIN
  INSERT INTO comments_search (comments_search, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO comments_search (rowid, text) VALUES (new.id, new.text);
END;

INSERT INTO comments_search (comments_search) VALUES ('rebuild');
