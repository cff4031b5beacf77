CREATE TABLE desired_configuration (
    device_id  VARCHAR(36) PRIMARY KEY REFERENCES device (id) ON DELETE CASCADE,
    document   TEXT        NOT NULL,
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE command (
    id             VARCHAR(36)  PRIMARY KEY,
    device_id      VARCHAR(36)  NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    name           VARCHAR(200) NOT NULL,
    payload        TEXT,
    status         VARCHAR(16)  NOT NULL,
    device_offline BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at   TIMESTAMP WITH TIME ZONE,
    response       TEXT,
    late_response  TEXT,
    late_at        TIMESTAMP WITH TIME ZONE
);

CREATE INDEX command_device_created ON command (device_id, created_at DESC);
CREATE INDEX command_pending_deadline ON command (deadline) WHERE status = 'PENDING';
