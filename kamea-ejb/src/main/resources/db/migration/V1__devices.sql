CREATE TABLE device (
    id             VARCHAR(36)  PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    interface_name VARCHAR(200) NOT NULL,
    provisioning   VARCHAR(32)  NOT NULL,
    codec          VARCHAR(64)  NOT NULL DEFAULT 'json',
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT device_name_unique UNIQUE (name),
    CONSTRAINT device_interface_name_unique UNIQUE (interface_name)
);

CREATE INDEX device_created_at ON device (created_at DESC, id);
