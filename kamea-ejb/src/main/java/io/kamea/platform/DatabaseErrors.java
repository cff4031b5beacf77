package io.kamea.platform;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a database error about the data from one that is not. SQLSTATE class 22 (a value: too
 * long, a NUL byte in text is 22021), 23 (a constraint) or 42 (a statement) comes back however
 * often the same work is tried again, so retrying it would only block what comes after; any
 * other failure (a lost connection, 08; a server shutting down, 57; a pool exhausted, no
 * SQLSTATE) may pass. The one place Kamea draws that line.
 */
public final class DatabaseErrors {

    /** Containers wrap what a bean throws, sometimes deeply; a cause chain is not followed further. */
    private static final int MAX_DEPTH = 32;

    private DatabaseErrors() {
    }

    /** Whether this SQLSTATE names a fault of the data or the statement. */
    public static boolean isAboutTheData(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23") || sqlState.startsWith("42"));
    }

    /** The first SQL error in the cause chain, whatever wrapped it on the way (EJB, JPA). */
    public static Optional<SQLException> sqlError(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** Whether the failure is a database error about the data (see the class comment). */
    public static boolean isAboutTheData(Throwable failure) {
        return sqlError(failure).map(sql -> isAboutTheData(sql.getSQLState())).orElse(false);
    }
}
