-- Support workers' own codes for a kiosk's staff screens: typing in or correcting a paper
-- sheet, and the responses the server refused. Issued and revoked by officers, per kiosk.
CREATE TABLE kiosk_staff_codes (
  id INTEGER PRIMARY KEY,
  kiosk_id INTEGER NOT NULL REFERENCES kiosks (id),
  -- Whose code it is, as officers named them ("Sam, outreach team"); the audit log names them.
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- SHA-256 of the kiosk and the code, as hex: what the server checks. The code itself is never stored.
  code_hash TEXT NOT NULL UNIQUE CHECK (length(code_hash) = 64),
  -- The kiosk's own check, for its refused list while offline: a random salt and PBKDF2 of the
  -- code with it (public/staff-code-rules.js), slow enough that the device's copy is no shortcut.
  device_salt TEXT NOT NULL CHECK (length(device_salt) = 32),
  device_hash TEXT NOT NULL CHECK (length(device_hash) = 64),
  created_at TEXT NOT NULL,
  -- Set when officers revoke it: from then on the code is refused, by the server and by the kiosk once it is online.
  revoked_at TEXT
);

CREATE INDEX kiosk_staff_codes_by_kiosk ON kiosk_staff_codes (kiosk_id);
