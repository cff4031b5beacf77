CREATE TABLE reported_configuration (
    device_id   VARCHAR(36) PRIMARY KEY REFERENCES device (id) ON DELETE CASCADE,
    document    TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
