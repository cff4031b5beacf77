package io.kamea.platform;

/**
 * A request body, or a field of it, is larger than its limit ({@link RequestLimits}): HTTP 413.
 * The detail names the limit and its configuration key, so that a caller knows how much fits
 * and an operator knows what to raise.
 */
public class ContentTooLargeException extends KameaException {

    /** {@code what}: what was too large, as the caller knows it ("The desired configuration"). */
    public ContentTooLargeException(String what, long limitBytes, String key) {
        super(413, "Content too large", what + " is larger than its limit of " + limitBytes + " bytes (" + key + ")");
    }
}
