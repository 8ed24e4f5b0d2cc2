-- Officers' browser sessions, so signing out ends a session on the server, and
-- failed sign-in attempts, so guessing officer credentials is slowed down.

-- One row per local sign-in (ADMIN_TOKEN exchanged for a session cookie). The
-- cookie carries the id, its expiry and an HMAC keyed by the token; a session
-- counts only while its row says it has not ended.
CREATE TABLE officer_sessions (
  -- Random, 128 bits, base64url: named in the cookie.
  id TEXT PRIMARY KEY CHECK (length(id) = 22),
  -- Who signed in, as the audit log names them.
  officer TEXT NOT NULL,
  created_at TEXT NOT NULL,
  -- UTC instant after which the cookie is refused anyway.
  expires_at TEXT NOT NULL,
  -- Set when the officer signs out; the session is refused from then on.
  ended_at TEXT
) WITHOUT ROWID;

-- Failed attempts to present officer credentials (a wrong Bearer token, a wrong
-- token in the sign-in form, a forged session cookie, an invalid Access JWT),
-- counted per client per window. Public look-ups never count here.
CREATE TABLE officer_sign_in_failures (
  -- Salted SHA-256 of the client's address: the address itself is never stored.
  client_key TEXT NOT NULL CHECK (length(client_key) = 64),
  -- The window's start, in whole windows since the epoch.
  window INTEGER NOT NULL CHECK (window >= 0),
  failures INTEGER NOT NULL CHECK (failures > 0),
  PRIMARY KEY (client_key, window)
) WITHOUT ROWID;
