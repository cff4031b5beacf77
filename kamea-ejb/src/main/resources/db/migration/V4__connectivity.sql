-- Connectivity of devices (docs/connectivity.md): the current state of each device, the broker
-- connections behind it, and a bounded history of its transitions.

-- One row per device ever seen by the connectivity tracker; no row = never seen connected.
CREATE TABLE device_connectivity (
    device_id VARCHAR(36) PRIMARY KEY REFERENCES device (id) ON DELETE CASCADE,
    connected BOOLEAN     NOT NULL,
    since     TIMESTAMP WITH TIME ZONE NOT NULL,  -- when the current state began
    last_seen TIMESTAMP WITH TIME ZONE             -- last time the device was known to be connected
);

CREATE INDEX device_connectivity_connected ON device_connectivity (device_id) WHERE connected;

-- The broker connections of devices, by the broker's connection name. A device is connected while
-- at least one of its rows is open (closed_at null). Closed rows are kept for a while as
-- tombstones, so that a late "created" event or an older poll cannot reopen them.
CREATE TABLE device_connection (
    name      VARCHAR(512) PRIMARY KEY,
    device_id VARCHAR(36)  NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX device_connection_device ON device_connection (device_id);

-- Connected/disconnected transitions, newest = highest id; at most 100 per device are kept.
CREATE TABLE connectivity_transition (
    id        BIGSERIAL    PRIMARY KEY,
    device_id VARCHAR(36)  NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    connected BOOLEAN      NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    source    VARCHAR(8)   NOT NULL CHECK (source IN ('poll', 'event'))
);

CREATE INDEX connectivity_transition_device ON connectivity_transition (device_id, id DESC);
