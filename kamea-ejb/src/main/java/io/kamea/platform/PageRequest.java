package io.kamea.platform;

import jakarta.persistence.TypedQuery;

/**
 * One page of a listing, as a caller asked for it: the check every paged listing makes, in one
 * place. The first row of the page, {@code page × size}, must fit the {@code int} JPA counts rows
 * with: {@code page=2147483647&size=500} once overflowed to a negative offset and answered 500.
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    /** Refuses (400) a negative page, a size outside 1 to {@value #MAX_SIZE}, or a page past the last possible one. */
    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("page must be >= 0 and size between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidRequestException("page " + page + " is out of range: with size " + size
                    + ", page must be at most " + Integer.MAX_VALUE / size + " (page × size at most "
                    + Integer.MAX_VALUE + ")");
        }
    }

    /** The index of the page's first row; cannot overflow, checked above. */
    public int firstResult() {
        return page * size;
    }

    /** {@code query} restricted to this page. */
    public <T> TypedQuery<T> applyTo(TypedQuery<T> query) {
        return query.setFirstResult(firstResult()).setMaxResults(size);
    }
}
