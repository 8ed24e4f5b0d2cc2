/**
 * The full-text index (comments_search, migrations/0002) follows the comments'
 * text through triggers, but FTS5 only marks removed words as deleted: they
 * stay in its stored segments until those are merged. After words are taken
 * out (a redaction, an erasure, the retention job) the index is merged, so
 * the removed words are in no table.
 */
export function mergeSearchIndex(db: D1Database): D1PreparedStatement {
  return db.prepare("INSERT INTO comments_search (comments_search) VALUES ('optimize')");
}

