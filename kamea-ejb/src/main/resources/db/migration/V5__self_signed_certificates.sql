-- Self-signed certificate provisioning (docs/certificates.md): the certificate a device uploaded,
-- as whitelisted in the broker's trust store folder, and what the API shows of it. Null for every
-- device that did not upload one.
ALTER TABLE device
    ADD COLUMN certificate_pem                TEXT,
    ADD COLUMN certificate_fingerprint_sha256 VARCHAR(95),
    ADD COLUMN certificate_subject            TEXT,
    ADD COLUMN certificate_not_after          TIMESTAMP WITH TIME ZONE;

ALTER TABLE device ADD CONSTRAINT device_certificate_complete CHECK (
    (certificate_pem IS NULL) = (certificate_fingerprint_sha256 IS NULL)
    AND (certificate_pem IS NULL) = (certificate_subject IS NULL)
    AND (certificate_pem IS NULL) = (certificate_not_after IS NULL));
