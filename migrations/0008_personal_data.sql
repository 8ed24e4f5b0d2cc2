-- Personal data kept only as long as the privacy notice says: the retention
-- job (functions/privacy/), erasure on request, and an audit log that never
-- holds a person's words.

-- When the retention job deleted the comment's words: `text` is then '' and
-- `moderation_note` NULL. Its paragraph, status, reading state, themes and the
-- feedback entries answering it stay, so the published counts do not change.
ALTER TABLE comments ADD COLUMN words_deleted_at TEXT;

-- When the retention job deleted what could identify the person behind the
-- response: the reference and idempotency key hash are replaced by ones
-- nobody holds, and the organisation, helper's details, kiosk send time,
-- paper sheet date and content hash are cleared ('' in assisted_organisation marks a helped
-- response whose helper's details were deleted, so it is still counted).
ALTER TABLE responses ADD COLUMN personal_data_deleted_at TEXT;

CREATE INDEX comments_by_words_deleted_at ON comments (words_deleted_at, id);
CREATE INDEX responses_by_personal_data_deleted_at ON responses (personal_data_deleted_at, id);

-- A response erased at its author's request: the response, its comments and
-- everything hanging on them are deleted, and this row says that it happened.
CREATE TABLE erasures (
  id INTEGER PRIMARY KEY,
  -- SHA-256 of the reference as stored (ten characters, no hyphen), as hex,
  -- so a look-up with it can say the response was erased without keeping it.
  reference_hash TEXT NOT NULL UNIQUE CHECK (length(reference_hash) = 64),
  -- When it was erased (UTC), and who erased it, as the audit log names them.
  erased_at TEXT NOT NULL,
  officer TEXT NOT NULL,
  -- Why, in the officer's words (such as "asked by email on 3 January"): never the person's words.
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  -- How it came and how many comments it held, so the totals can still be explained.
  channel TEXT NOT NULL CHECK (channel IN ('online', 'kiosk', 'paper')),
  comments INTEGER NOT NULL CHECK (comments >= 0)
);

-- Comments a feedback entry answered that were erased since, so its count of
-- the comments it answers stays true and it can say some were erased.
ALTER TABLE feedback_entries ADD COLUMN erased_comments INTEGER NOT NULL DEFAULT 0 CHECK (erased_comments >= 0);

-- The audit log records who did what, when and why, never a person's words:
-- take them out of the entries written before this rule.
UPDATE audit_log SET detail = json_remove(detail, '$.originalText', '$.redactedText') WHERE action = 'comment.redact';
UPDATE audit_log SET detail = json_object(
    'before', json_object('receivedOn', detail ->> '$.before.receivedOn', 'paragraphs',
      (SELECT json_group_array(value ->> '$.paragraph') FROM json_each(audit_log.detail, '$.before.comments'))),
    'after', json_object('receivedOn', detail ->> '$.after.receivedOn', 'paragraphs',
      (SELECT json_group_array(value ->> '$.paragraph') FROM json_each(audit_log.detail, '$.after.comments'))))
  WHERE action = 'paper.correct';
-- Quotes are counted, not copied.
UPDATE audit_log SET detail = json_set(detail, '$.quotes', json_array_length(detail, '$.quotes'))
  WHERE action = 'feedback.create' AND json_type(detail, '$.quotes') = 'array';
UPDATE audit_log SET detail = json_set(detail, '$.quotes', json_object('from', json_array_length(detail, '$.quotes.from'), 'to', json_array_length(detail, '$.quotes.to')))
  WHERE action IN ('feedback.update', 'feedback.publish', 'feedback.unpublish') AND json_type(detail, '$.quotes') = 'object';
