package io.kamea.web;

import io.kamea.platform.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Instants in requests: ISO-8601 ({@code 2027-01-01T00:00:00Z}), absent as null, anything else a 400. */
public final class Instants {

    private Instants() {
    }

    public static OffsetDateTime parse(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field + " must be an ISO-8601 instant, e.g. 2027-01-01T00:00:00Z");
        }
    }
}
