-- Campaigns and near-duplicates (functions/duplicates/): comments grouped as they arrive.
-- Grouping hides and deletes nothing; it only says which comments say the same.

-- A group of comments whose words are the same or nearly the same.
CREATE TABLE duplicate_groups (
  -- AUTOINCREMENT: a group's number is never given to another, even after an erasure.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  -- When an officer confirmed it as a campaign (UTC), and who; NULL while only found by grouping.
  confirmed_at TEXT,
  confirmed_by TEXT
);

-- One row per comment once grouping has seen it: its signature, and its group if it has one.
CREATE TABLE comment_signatures (
  comment_id INTEGER PRIMARY KEY REFERENCES comments (id),
  -- MinHash signature of the comment's word shingles: 64 unsigned 32-bit numbers, no words.
  -- NULL for a comment too short to group.
  signature BLOB,
  group_id INTEGER REFERENCES duplicate_groups (id),
  -- 1 once an officer split it out of a group: it is never grouped again by itself.
  kept_apart INTEGER NOT NULL DEFAULT 0 CHECK (kept_apart IN (0, 1))
);

CREATE INDEX comment_signatures_by_group ON comment_signatures (group_id, comment_id) WHERE group_id IS NOT NULL;

-- Locality-sensitive hashing: each comment under one key per band of its signature.
-- A new comment reads the comments under its own keys, never the whole table.
CREATE TABLE duplicate_bands (
  -- The band's number times 2^32 plus a 32-bit hash of the band's positions.
  band_key INTEGER NOT NULL,
  comment_id INTEGER NOT NULL REFERENCES comments (id),
  PRIMARY KEY (band_key, comment_id)
) WITHOUT ROWID;

CREATE INDEX duplicate_bands_by_comment ON duplicate_bands (comment_id);
