-- Auto-provisioning (docs/auto-provisioning.md): a device that declared itself may wait for an
-- operator's approval. Every device provisioned before is active.
ALTER TABLE device
    ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE'
        CONSTRAINT device_status_known CHECK (status IN ('ACTIVE', 'PENDING'));

-- GET /api/devices?status=pending: few rows, newest first.
CREATE INDEX device_pending ON device (created_at DESC, id) WHERE status = 'PENDING';
