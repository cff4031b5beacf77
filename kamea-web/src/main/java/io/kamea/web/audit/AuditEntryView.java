package io.kamea.web.audit;

import io.kamea.access.AuditEntry;

/** One audit entry as the API shows it; identity, kind and role are absent for an anonymous caller. */
public record AuditEntryView(long id, String time, String identity, String kind, String role, String action,
                             String target, int outcome, String source) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.getId(), entry.getAt().toInstant().toString(), entry.getIdentity(),
                entry.getKind(), entry.getRole(), entry.getAction(), entry.getTarget(), entry.getOutcome(),
                entry.getSource());
    }
}
