package io.kamea.web.access;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The rule of one resource method, read from its Jakarta annotations as the Jakarta Annotations
 * specification orders them: the method's own first, then its class's. No rule at all means no
 * access: an endpoint somebody forgot to annotate is closed, not open.
 */
public record AccessRule(Kind kind, List<String> roles) {

    public enum Kind { PERMIT_ALL, ROLES, DENY_ALL, NONE }

    public static AccessRule of(Method method, Class<?> resourceClass) {
        AccessRule own = declared(method.getAnnotation(DenyAll.class), method.getAnnotation(PermitAll.class),
                method.getAnnotation(RolesAllowed.class));
        if (own.kind() != Kind.NONE) {
            return own;
        }
        return declared(resourceClass.getAnnotation(DenyAll.class), resourceClass.getAnnotation(PermitAll.class),
                resourceClass.getAnnotation(RolesAllowed.class));
    }

    private static AccessRule declared(DenyAll deny, PermitAll permit, RolesAllowed roles) {
        if (deny != null) {
            return new AccessRule(Kind.DENY_ALL, List.of());
        }
        if (permit != null) {
            return new AccessRule(Kind.PERMIT_ALL, List.of());
        }
        if (roles != null) {
            return new AccessRule(Kind.ROLES, List.of(roles.value()));
        }
        return new AccessRule(Kind.NONE, List.of());
    }
}
