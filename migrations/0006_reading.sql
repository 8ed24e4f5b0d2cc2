-- Officers' reading of the comments: so they can show that every comment was read.

-- When an officer first read the comment (UTC), or NULL while it is unread.
-- Who read it, and when it was marked unread again, is in audit_log.
-- A comment a published feedback entry answers counts as answered, whatever this says.
ALTER TABLE comments ADD COLUMN read_at TEXT;

-- The overview counts unread comments and the list filters by reading state.
CREATE INDEX comments_by_read_at ON comments (read_at);
-- The overview counts comments per day and per paragraph revision.
CREATE INDEX comments_by_paragraph_revision ON comments (paragraph_id, paragraph_revision);
