package io.kamea.web;

/**
 * The OpenAPI tags, one per feature, that group the operations; described in
 * {@code META-INF/openapi.yaml}. Each operation names its tag ({@code @Tag(ref = ...)}): Payara
 * adds a bare copy of the tag to the document for every class annotated with it.
 */
public final class ApiTags {

    public static final String DEVICES = "devices";
    public static final String CONFIGURATIONS = "configurations";
    public static final String COMMANDS = "commands";
    public static final String CONNECTIVITY = "connectivity";
    public static final String INGESTION = "ingestion";
    public static final String BANS = "bans";
    public static final String ACCESS = "access";
    public static final String AUDIT = "audit";

    private ApiTags() {
    }
}
