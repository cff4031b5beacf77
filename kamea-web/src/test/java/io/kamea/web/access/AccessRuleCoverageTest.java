package io.kamea.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deny by default, checked at build time: every JAX-RS resource method of the application has an
 * access rule, and it is the one the roles table of docs/security.md gives. A new endpoint without
 * a rule, or with another one than documented, fails here before it can ship.
 */
class AccessRuleCoverageTest {

    /** operationId -> the rule: a role, "anyone" (@PermitAll) or "broker" (@PermitAll, own secret). */
    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("listDevices", "viewer"), Map.entry("getDevice", "viewer"),
            Map.entry("createDevice", "admin"), Map.entry("deleteDevice", "admin"),
            Map.entry("approveDevice", "operator"),
            Map.entry("disableDevice", "admin"), Map.entry("enableDevice", "admin"),
            Map.entry("listBans", "viewer"), Map.entry("getBan", "viewer"),
            Map.entry("createBan", "admin"), Map.entry("deleteBan", "admin"), Map.entry("banDevice", "admin"),
            Map.entry("getConfigurations", "viewer"), Map.entry("getDesiredConfiguration", "viewer"),
            Map.entry("getReportedConfiguration", "viewer"), Map.entry("replaceDesiredConfiguration", "operator"),
            Map.entry("sendCommand", "operator"), Map.entry("listCommands", "viewer"), Map.entry("getCommand", "viewer"),
            Map.entry("getConnectivity", "viewer"), Map.entry("getBroker", "viewer"),
            Map.entry("getIngestionCounters", "viewer"),
            Map.entry("listRejectedStores", "viewer"), Map.entry("getRejectedStore", "viewer"),
            Map.entry("purgeRejectedStore", "admin"),
            Map.entry("login", "anyone"), Map.entry("whoAmI", "viewer"), Map.entry("logout", "viewer"),
            Map.entry("changePassword", "viewer"),
            Map.entry("listApiKeys", "admin"), Map.entry("createApiKey", "admin"), Map.entry("getApiKey", "admin"),
            Map.entry("revokeApiKey", "admin"),
            Map.entry("listUsers", "admin"), Map.entry("createUser", "admin"), Map.entry("getUser", "admin"),
            Map.entry("changeUserRole", "admin"), Map.entry("deleteUser", "admin"),
            Map.entry("searchAudit", "admin")));

    private static List<Method> resourceMethods;

    @BeforeAll
    static void findResourceMethods() throws IOException, ClassNotFoundException {
        resourceMethods = new ArrayList<>();
        var classes = Paths.get("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (var file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, AccessRuleCoverageTest.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class) && !Modifier.isAbstract(type.getModifiers())) {
                    Arrays.stream(type.getDeclaredMethods()).filter(AccessRuleCoverageTest::isResourceMethod)
                            .forEach(resourceMethods::add);
                }
            }
        }
        assertTrue(resourceMethods.size() > 30, "found only " + resourceMethods.size() + " resource methods");
    }

    @Test
    void everyResourceMethodHasARule() {
        for (Method method : resourceMethods) {
            assertTrue(AccessRule.of(method, method.getDeclaringClass()).kind() != AccessRule.Kind.NONE,
                    method.getDeclaringClass().getSimpleName() + "." + method.getName()
                            + " has no @RolesAllowed, @PermitAll or @DenyAll (nor has its class)");
        }
    }

    @Test
    void everyRuleIsTheDocumentedOne() {
        Map<String, String> actual = new TreeMap<>();
        for (Method method : resourceMethods) {
            Operation operation = method.getAnnotation(Operation.class);
            String id = operation != null && !operation.operationId().isEmpty() ? operation.operationId()
                    : method.getDeclaringClass().getSimpleName() + "." + method.getName();
            AccessRule rule = AccessRule.of(method, method.getDeclaringClass());
            actual.put(id, switch (rule.kind()) {
                case ROLES -> String.join(",", rule.roles());
                case PERMIT_ALL -> id.startsWith("BrokerAuthResource.") ? "broker" : "anyone";
                case DENY_ALL -> "nobody";
                case NONE -> "none";
            });
        }
        actual.keySet().removeIf(id -> id.startsWith("BrokerAuthResource.") && actual.get(id).equals("broker"));
        assertEquals(EXPECTED, actual);
    }

    private static boolean isResourceMethod(Method method) {
        return Modifier.isPublic(method.getModifiers())
                && (method.isAnnotationPresent(Path.class) || Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class)));
    }
}
