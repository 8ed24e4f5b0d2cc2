-- A response is what one person sends in one go; it holds one or more comments.
CREATE TABLE responses (
  id INTEGER PRIMARY KEY,
  -- What the person is given to track the response, stored without its hyphen.
  reference TEXT NOT NULL UNIQUE,
  -- SHA-256 of the client's idempotency key: a retry finds the first answer.
  idempotency_key_hash TEXT NOT NULL UNIQUE,
  -- SHA-256 of the response's content, to tell a retry from a reused key.
  content_hash TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('online', 'kiosk', 'paper')),
  received_at TEXT NOT NULL,
  publish_consent INTEGER NOT NULL DEFAULT 0 CHECK (publish_consent IN (0, 1)),
  respondent_type TEXT CHECK (respondent_type IN ('individual', 'organisation')),
  organisation TEXT
);

CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  response_id INTEGER NOT NULL REFERENCES responses (id),
  position INTEGER NOT NULL,
  paragraph_id TEXT NOT NULL,
  -- The revision of the paragraph's text the person saw (0 for "general").
  paragraph_revision INTEGER NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'hidden')),
  UNIQUE (response_id, position)
);

CREATE INDEX comments_by_paragraph ON comments (paragraph_id, id);
