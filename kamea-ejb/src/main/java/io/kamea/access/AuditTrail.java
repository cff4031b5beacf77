package io.kamea.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * Appends to the audit trail ({@link AuditSearch} reads it). Nothing changes or removes an entry.
 * <p>
 * A CDI bean, not an EJB: {@link #record} is on the path of every write, and the EJB container's
 * interceptors (security, request scope, pooling) took about as much of Payara's CPU as the
 * INSERT itself in the command benchmark (docs/benchmarks.md).
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT = "INSERT INTO audit_entry (at, identity, kind, role, action, target, outcome, "
            + "source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "jdbc/kamea")
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    /**
     * Outside any transaction, committed on its own: the entry is written whether the call it
     * records succeeded or was rolled back. One plain INSERT: it is on the path of every write
     * (a command's), where a JPA unit of work in a transaction of its own cost twice as much.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void record(AuditRecord record) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, OffsetDateTime.now(clock));
            text(insert, 2, record.identity());
            text(insert, 3, record.kind());
            text(insert, 4, record.role());
            insert.setString(5, record.action());
            text(insert, 6, record.target());
            insert.setInt(7, record.outcome());
            text(insert, 8, record.source());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The audit entry of " + record.action() + " was not written", e);
        }
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
