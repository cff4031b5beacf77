package io.kamea.access;

import java.time.OffsetDateTime;

/**
 * A search of the audit trail; every part optional. {@code identity} matches exactly,
 * {@code target} as a prefix (a device's URL finds the calls on it and below it), {@code from}
 * inclusive, {@code to} exclusive.
 */
public record AuditQuery(String identity, String target, OffsetDateTime from, OffsetDateTime to) {
}
