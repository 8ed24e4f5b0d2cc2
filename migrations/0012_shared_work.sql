-- Several officers sharing the work: who they are, what each has read, what
-- is assigned to whom, officers' private notes on comments, and the
-- responses a kiosk could not send, reported to officers.

-- Officers seen so far (an Access identity, or the name typed at a local
-- sign-in), so work can be assigned to someone who has signed in before.
CREATE TABLE officers (
  -- As the audit log names them: the Access email, or the name given at sign-in.
  name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 254),
  first_seen_at TEXT NOT NULL
) WITHOUT ROWID;

-- Who has read which comment. comments.read_at stays the first time anyone
-- read it (the overview's "read"); "unread by me" looks here.
CREATE TABLE comment_reads (
  comment_id INTEGER NOT NULL REFERENCES comments (id),
  officer TEXT NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (officer, comment_id)
) WITHOUT ROWID;

CREATE INDEX comment_reads_by_comment ON comment_reads (comment_id);

-- Read marks made before officers were told apart belong to whoever the
-- audit log says last marked the comment read, or else the local officer.
INSERT INTO comment_reads (comment_id, officer, read_at)
  SELECT c.id,
    coalesce((SELECT a.officer FROM audit_log a WHERE a.action = 'comment.read' AND a.target = 'comment:' || c.id ORDER BY a.id DESC LIMIT 1),
             'local officer (ADMIN_TOKEN)'),
    c.read_at
  FROM comments c WHERE c.read_at IS NOT NULL;

-- A comment given to one officer to deal with. It wins over its paragraph's assignment.
CREATE TABLE comment_assignments (
  comment_id INTEGER PRIMARY KEY REFERENCES comments (id),
  officer TEXT NOT NULL CHECK (length(officer) BETWEEN 1 AND 254),
  assigned_at TEXT NOT NULL
);

CREATE INDEX comment_assignments_by_officer ON comment_assignments (officer, comment_id);

-- A paragraph (or "general") given to one officer: its comments are theirs
-- unless a comment is assigned on its own.
CREATE TABLE paragraph_assignments (
  paragraph_id TEXT PRIMARY KEY,
  officer TEXT NOT NULL CHECK (length(officer) BETWEEN 1 AND 254),
  assigned_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX paragraph_assignments_by_officer ON paragraph_assignments (officer);

-- Officers' private notes on a comment: shown on the comment's officer page
-- only, never in public pages, open data or exports. A note may repeat the
-- person's words, so it goes with the comment's words (erasure, retention).
CREATE TABLE comment_notes (
  id INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL REFERENCES comments (id),
  officer TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  created_at TEXT NOT NULL
);

CREATE INDEX comment_notes_by_comment ON comment_notes (comment_id, id);

-- A response a kiosk could not send (the server refused it for good), as the
-- device's support worker reported it, so officers learn of it.
CREATE TABLE kiosk_refused_reports (
  id INTEGER PRIMARY KEY,
  kiosk_id INTEGER NOT NULL REFERENCES kiosks (id),
  -- Whose staff code sent the report.
  staff_name TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  -- The kiosk's idempotency key for the response, hashed: the same refusal reported twice is one row.
  key_hash TEXT NOT NULL UNIQUE CHECK (length(key_hash) = 64),
  -- The reference the person was given, if any (as stored: ten characters, no hyphen).
  reference TEXT,
  -- The refusal's code and the words the kiosk showed for it.
  reason_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  -- When the person pressed send, as the kiosk recorded it.
  pressed_send_at TEXT,
  -- The person's comments, as JSON [{paragraph, text}]: '[]' once the retention job deleted them.
  comments TEXT NOT NULL,
  -- When officers marked it dealt with.
  resolved_at TEXT,
  words_deleted_at TEXT
);

CREATE INDEX kiosk_refused_reports_by_kiosk ON kiosk_refused_reports (kiosk_id, id);
