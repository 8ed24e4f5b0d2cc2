-- The health check's own row, so GET /api/health proves that D1 takes writes
-- (a full disk, a read-only replica), not only that it answers reads.
CREATE TABLE health_checks (
  -- Always 1: each check overwrites the one row, so the table never grows.
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- UTC instant of the last check that wrote; read back to prove the write landed.
  checked_at TEXT NOT NULL
);
