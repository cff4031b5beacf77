package io.kamea.web;

/**
 * The OpenAPI tags, one per feature, that group the operations in the document (described in
 * {@code META-INF/openapi.yaml}).
 */
public final class ApiTags {

    public static final String DEVICES = "devices";
    public static final String CONFIGURATIONS = "configurations";
    public static final String COMMANDS = "commands";
    public static final String CONNECTIVITY = "connectivity";
    public static final String INGESTION = "ingestion";

    private ApiTags() {
    }
}
