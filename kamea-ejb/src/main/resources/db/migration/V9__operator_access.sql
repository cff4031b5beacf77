-- Operator access (docs/security.md, "Operator access"): built-in users, API keys, the audit trail.

-- Built-in users. password_hash is Jakarta Security's PBKDF2 encoding (algorithm:iterations:salt:hash).
CREATE TABLE operator_user (
    username            VARCHAR(64) PRIMARY KEY,
    password_hash       VARCHAR(512) NOT NULL,
    role                VARCHAR(16) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT operator_user_role CHECK (role IN ('viewer', 'operator', 'admin')),
    CONSTRAINT operator_user_name CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$')
);

-- API keys: "kamea_<id>_<secret>"; only the SHA-256 of the secret is kept (a 256-bit random
-- secret needs no slow hash: nobody can guess it, and a leaked table does not give it back).
CREATE TABLE api_key (
    id            VARCHAR(16) PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    secret_sha256 VARCHAR(64) NOT NULL,
    role          VARCHAR(16) NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    expires_at    TIMESTAMP WITH TIME ZONE,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_key_role CHECK (role IN ('viewer', 'operator', 'admin')),
    CONSTRAINT api_key_secret_form CHECK (secret_sha256 ~ '^[0-9a-f]{64}$')
);

CREATE INDEX api_key_created_at ON api_key (created_at DESC, id);

-- The audit trail: appended to, never changed. Identity is a user name, a key id or a token's
-- subject (never a secret); outcome the HTTP status answered.
CREATE TABLE audit_entry (
    id       BIGSERIAL PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    identity VARCHAR(255),
    kind     VARCHAR(16),
    role     VARCHAR(16),
    action   VARCHAR(100) NOT NULL,
    target   VARCHAR(500),
    outcome  INTEGER NOT NULL,
    source   VARCHAR(64)
);

CREATE INDEX audit_entry_at ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_identity ON audit_entry (identity, at DESC);

-- The application's own database user cannot rewrite history either: no UPDATE, no DELETE.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
