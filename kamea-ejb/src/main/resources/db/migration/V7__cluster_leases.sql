-- Leases that let one application server of a cluster do a periodic job (docs/operations.md,
-- "Scaling out"): each server's timer fires, only the holder of the unexpired lease does the work.
CREATE TABLE cluster_lease (
    name       VARCHAR(100) PRIMARY KEY,
    holder     VARCHAR(300) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
