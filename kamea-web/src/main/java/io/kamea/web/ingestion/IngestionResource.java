package io.kamea.web.ingestion;

import io.kamea.ingestion.IngestionStatistics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code /api/ingestion}: messages forwarded to the bus and rejected to the dead-letter queue, by
 * stream and reason, since the server started.
 */
@RequestScoped
@Path("ingestion")
@Produces(MediaType.APPLICATION_JSON)
public class IngestionResource {

    @Inject
    IngestionStatistics statistics;

    @GET
    public Map<String, Long> counters() {
        return statistics.snapshot();
    }
}
