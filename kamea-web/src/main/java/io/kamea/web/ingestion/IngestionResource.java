package io.kamea.web.ingestion;

import io.kamea.access.Role;
import io.kamea.ingestion.IngestionStatistics;
import io.kamea.web.ApiTags;
import io.kamea.web.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/ingestion}: messages forwarded to the bus and rejected to the dead-letter queue, by
 * stream and reason, since the server started.
 */
@RequestScoped
@RolesAllowed(Role.VIEWER_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("ingestion")
@Produces(MediaType.APPLICATION_JSON)
public class IngestionResource {

    @Inject
    IngestionStatistics statistics;

    @GET
    @Tag(ref = ApiTags.INGESTION)
    @Operation(operationId = "getIngestionCounters",
            summary = "Ingestion counters since the server started",
            description = "<stream>.forwarded: messages forwarded to the bus; <stream>.rejected.<reason>: messages "
                    + "dead-lettered, by reason. Streams: telemetry, reported-configuration.")
    // Payara drops the class's responses for a method with a single one of its own: repeated here.
    @APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "200", ref = "IngestionCounters")
    public Map<String, Long> counters() {
        return statistics.snapshot();
    }
}
