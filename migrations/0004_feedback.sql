-- "You said, we did": what the council did with the comments, and whether
-- officers have published the comments themselves.

-- One feedback entry answers a group of comments. Only published entries are
-- ever shown publicly; drafts are for officers.
CREATE TABLE feedback_entries (
  -- The entry's number, as in /you-said-we-did#feedback-ID.
  id INTEGER PRIMARY KEY,
  -- Usually the theme of the comments it answers, such as "Night-time outreach".
  title TEXT NOT NULL CHECK (length(title) > 0),
  -- "You said": the officers' fair summary of the comments. The number of
  -- comments and their paragraphs are counted from feedback_comments, never typed.
  you_said TEXT NOT NULL CHECK (length(you_said) > 0),
  -- "We did": what changed in the final strategy, or why nothing did.
  we_did TEXT NOT NULL CHECK (length(we_did) > 0),
  -- What happened: the vocabulary of functions/feedback/vocabulary.ts.
  outcome TEXT NOT NULL CHECK (outcome IN ('changed', 'partly', 'not_changed', 'under_review')),
  -- Only 'published' entries are shown publicly.
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  -- When it was written and last changed (UTC).
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- When it was last published (UTC); set exactly while the entry is published.
  published_at TEXT,
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);

CREATE INDEX feedback_entries_by_status ON feedback_entries (status, id);

-- The paragraphs an entry is about, in the order officers gave them: ids of
-- the draft or the final strategy, or 'general' for the strategy as a whole.
CREATE TABLE feedback_paragraphs (
  feedback_id INTEGER NOT NULL REFERENCES feedback_entries (id),
  -- A paragraph id as the API names it.
  paragraph_id TEXT NOT NULL,
  -- Where the paragraph comes in the entry's list, from 0.
  position INTEGER NOT NULL CHECK (position >= 0),
  PRIMARY KEY (feedback_id, paragraph_id)
) WITHOUT ROWID;

CREATE INDEX feedback_paragraphs_by_paragraph ON feedback_paragraphs (paragraph_id, feedback_id);

-- The comments an entry answers. A comment can be answered by more than one entry.
CREATE TABLE feedback_comments (
  feedback_id INTEGER NOT NULL REFERENCES feedback_entries (id),
  -- A comment the entry answers, hidden ones included (they were read too).
  comment_id INTEGER NOT NULL REFERENCES comments (id),
  PRIMARY KEY (feedback_id, comment_id)
) WITHOUT ROWID;

CREATE INDEX feedback_comments_by_comment ON feedback_comments (comment_id, feedback_id);

-- Short quotes an entry shows, each a part of one answered comment's stored
-- (redacted) text. They are shown only while the comment's author agreed to be
-- quoted, the comment is not hidden and its text still holds the words;
-- redacting the comment deletes a quote whose words it took out.
CREATE TABLE feedback_quotes (
  feedback_id INTEGER NOT NULL REFERENCES feedback_entries (id),
  -- The comment quoted: one the entry answers (see the foreign key below).
  comment_id INTEGER NOT NULL REFERENCES comments (id),
  -- Where the quote comes in the entry, from 0.
  position INTEGER NOT NULL CHECK (position >= 0),
  -- The quoted words, exactly as they stand in the comment's stored text.
  excerpt TEXT NOT NULL CHECK (length(excerpt) > 0),
  PRIMARY KEY (feedback_id, position),
  FOREIGN KEY (feedback_id, comment_id) REFERENCES feedback_comments (feedback_id, comment_id)
);

-- Settings officers change at run time: one row.
CREATE TABLE publication (
  -- Always 1: there is one row.
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- 1 once officers publish the comments: those whose authors agreed to be
  -- quoted can then be read per paragraph, redacted, never hidden ones.
  responses_published INTEGER NOT NULL DEFAULT 0 CHECK (responses_published IN (0, 1)),
  -- When that last changed (UTC), or NULL if it never has.
  changed_at TEXT
);

INSERT INTO publication (id) VALUES (1);
