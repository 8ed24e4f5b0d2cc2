-- The other two channels: kiosks at day centres and hostels, and paper forms typed in later.

-- A place with a shared device, named by officers ("St Anne's day centre").
CREATE TABLE kiosks (
  id INTEGER PRIMARY KEY,
  -- The place, as officers named it; shown in the officer list and exports.
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at TEXT NOT NULL,
  -- Set when officers revoke the kiosk: from then on its keys get 403 kiosk_revoked.
  revoked_at TEXT,
  -- When a request with one of its keys last reached us.
  last_seen_at TEXT
);

-- The kiosk's keys: the one shown when it was issued, and one per device set up by a code.
CREATE TABLE kiosk_keys (
  -- SHA-256 of the key, as hex: the key itself is never stored.
  key_hash TEXT PRIMARY KEY CHECK (length(key_hash) = 64),
  kiosk_id INTEGER NOT NULL REFERENCES kiosks (id),
  created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX kiosk_keys_by_kiosk ON kiosk_keys (kiosk_id);

-- One-time codes a device exchanges for a key of its own, so nobody types a long secret on a touch screen.
CREATE TABLE kiosk_setup_codes (
  -- SHA-256 of the code, as hex.
  code_hash TEXT PRIMARY KEY CHECK (length(code_hash) = 64),
  kiosk_id INTEGER NOT NULL REFERENCES kiosks (id),
  -- UTC instant after which the code is refused.
  expires_at TEXT NOT NULL,
  -- Set when a device used it: a code works once.
  used_at TEXT
) WITHOUT ROWID;

-- References handed out before a response exists: a pool a kiosk shows offline, or a pre-printed paper sheet.
CREATE TABLE issued_references (
  -- As stored in responses.reference (ten characters, no hyphen).
  reference TEXT PRIMARY KEY CHECK (length(reference) = 10),
  -- What the reference was issued for.
  purpose TEXT NOT NULL CHECK (purpose IN ('kiosk', 'paper')),
  -- The kiosk that reserved it; null for paper.
  kiosk_id INTEGER REFERENCES kiosks (id) CHECK ((purpose = 'kiosk') = (kiosk_id IS NOT NULL)),
  issued_at TEXT NOT NULL
) WITHOUT ROWID;

-- The kiosk a response came from (channel 'kiosk', or 'paper' typed in with a kiosk key).
ALTER TABLE responses ADD COLUMN kiosk_id INTEGER REFERENCES kiosks (id);
-- A helper's organisation and first name or staff code, when someone was helped; never the participant's identity.
ALTER TABLE responses ADD COLUMN assisted_organisation TEXT CHECK (assisted_organisation IS NULL OR length(assisted_organisation) <= 200);
ALTER TABLE responses ADD COLUMN assisted_helper TEXT CHECK (assisted_helper IS NULL OR length(assisted_helper) <= 100);
-- When the person pressed send on the kiosk, if the device said so (it decides the period when sent late).
ALTER TABLE responses ADD COLUMN pressed_send_at TEXT;
-- For paper: the London date the sheet was received (YYYY-MM-DD).
ALTER TABLE responses ADD COLUMN paper_received_on TEXT CHECK (paper_received_on IS NULL OR paper_received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
