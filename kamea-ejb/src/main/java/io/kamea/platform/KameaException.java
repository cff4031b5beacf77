package io.kamea.platform;

import jakarta.ejb.ApplicationException;

/**
 * A failure the caller can understand and act on. It carries the HTTP status and a short title so
 * the API can answer with a problem body; it rolls back the transaction it escapes from.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class KameaException extends RuntimeException {

    private final int status;
    private final String title;

    protected KameaException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    protected KameaException(int status, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
