package io.kamea.access;

import io.kamea.platform.PageRequest;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Appends to the audit trail and searches it. Nothing here changes or removes an entry. */
@Stateless
public class AuditTrail {

    private static final String INSERT = "INSERT INTO audit_entry (at, identity, kind, role, action, target, outcome, "
            + "source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "jdbc/kamea")
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    /**
     * Outside any transaction, committed on its own: the entry is written whether the call it
     * records succeeded or was rolled back. One plain INSERT: it is on the path of every write
     * (a command's), where a JPA unit of work in a transaction of its own cost twice as much.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
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

    public AuditPage search(AuditQuery query, int page, int size) {
        var requested = new PageRequest(page, size);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.identity() != null && !query.identity().isEmpty()) {
            where.append(" and e.identity = :identity");
            parameters.put("identity", query.identity());
        }
        if (query.target() != null && !query.target().isEmpty()) {
            where.append(" and (e.target = :target or e.target like :below escape '\\')");
            parameters.put("target", query.target());
            parameters.put("below", escapeLike(query.target()) + "/%");
        }
        if (query.from() != null) {
            where.append(" and e.at >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and e.at < :to");
            parameters.put("to", query.to());
        }
        TypedQuery<AuditEntry> items = em.createQuery(
                "select e from AuditEntry e" + where + " order by e.at desc, e.id desc", AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        return new AuditPage(requested.applyTo(items).getResultList(), page, size, count.getSingleResult());
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
