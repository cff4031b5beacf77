package io.kamea.access;

/**
 * What one audit entry says, before it is written: the fields are cut to their columns' sizes and
 * stripped of control characters, since they come from requests (a target is a request path).
 */
public record AuditRecord(String identity, String kind, String role, String action, String target, int outcome,
                          String source) {

    public AuditRecord {
        identity = clean(identity, 255);
        kind = clean(kind, 16);
        role = clean(role, 16);
        action = clean(action, 100);
        target = clean(target, 500);
        source = clean(source, 64);
        if (action == null) {
            action = "unknown";
        }
    }

    /** An entry for {@code caller}, or for an anonymous caller when it is null. */
    public static AuditRecord of(Caller caller, String action, String target, int outcome, String source) {
        return caller == null
                ? new AuditRecord(null, null, null, action, target, outcome, source)
                : new AuditRecord(caller.name(), caller.kind().label(), caller.role().roleName(), action, target,
                        outcome, source);
    }

    private static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
