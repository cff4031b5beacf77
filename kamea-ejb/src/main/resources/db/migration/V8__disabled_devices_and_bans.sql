-- Disabling a device, banning a certificate or a common name (docs/operations.md, "Disabling a
-- device, banning a certificate").

-- When an operator (or a common-name ban) disabled the device; null while it is enabled. Apart
-- from status: a pending device disabled and enabled again is still pending.
ALTER TABLE device ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;

-- GET /api/devices?disabled=true: few rows, newest first.
CREATE INDEX device_disabled ON device (created_at DESC, id) WHERE disabled_at IS NOT NULL;

-- A ban names one CA-signed certificate by its SHA-256 fingerprint (lower-case hex of the DER, as
-- the broker's plugin compares it) or one certificate common name, never both.
CREATE TABLE device_ban (
    id                 VARCHAR(36) PRIMARY KEY,
    fingerprint_sha256 VARCHAR(64),
    common_name        VARCHAR(64),
    reason             VARCHAR(500) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT device_ban_one_subject CHECK ((fingerprint_sha256 IS NULL) <> (common_name IS NULL)),
    CONSTRAINT device_ban_fingerprint_form CHECK (fingerprint_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT device_ban_fingerprint_unique UNIQUE (fingerprint_sha256),
    CONSTRAINT device_ban_common_name_unique UNIQUE (common_name)
);

CREATE INDEX device_ban_created_at ON device_ban (created_at DESC, id);
