package io.kamea.access;

import io.kamea.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/** Searches the audit trail ({@link AuditTrail} appends to it), newest first. */
@Stateless
public class AuditSearch {

    @PersistenceContext
    EntityManager em;

    public AuditPage find(AuditQuery query, int page, int size) {
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
