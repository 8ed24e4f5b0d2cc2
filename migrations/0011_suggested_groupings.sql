-- Suggested groupings an officer discarded, so the same comments are not proposed again.
-- A grouping is computed on request (functions/officers/suggestions/) and never stored
-- until it is discarded; turning one into a theme tags its comments, which takes them
-- out of later suggestions. Only comment numbers are kept here, never words: the
-- characterising terms come from the comments' text and go when it goes.

CREATE TABLE discarded_groupings (
  id INTEGER PRIMARY KEY,
  -- Where it was suggested: 'whole', 'section:SLUG' or 'paragraph:ID'.
  scope TEXT NOT NULL CHECK (scope = 'whole' OR scope GLOB 'section:?*' OR scope GLOB 'paragraph:?*'),
  -- The comments it grouped, as a JSON array of ids in ascending order. A later
  -- suggestion whose comments are all among them is not shown again.
  comment_ids TEXT NOT NULL CHECK (json_valid(comment_ids) AND json_type(comment_ids) = 'array' AND json_array_length(comment_ids) >= 2),
  -- When (UTC). Who is in audit_log (action 'grouping.discard').
  discarded_at TEXT NOT NULL
);
