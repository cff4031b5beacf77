package io.kamea.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * All resources live under {@code /api}. Their OpenAPI document (served by the server at
 * {@code /openapi}) is built from the resources' annotations on top of
 * {@code META-INF/openapi.yaml}, which holds what they share: tags, the {@link Problem} schema and
 * the error responses.
 */
@ApplicationPath("api")
public class KameaApi extends Application {
}
