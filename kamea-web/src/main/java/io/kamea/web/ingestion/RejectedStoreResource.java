package io.kamea.web.ingestion;

import io.kamea.access.Role;
import io.kamea.ingestion.rejected.RejectedStore;
import io.kamea.ingestion.rejected.RejectedStores;
import io.kamea.web.ApiTags;
import io.kamea.web.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/ingestion/rejected}: the broker's stores of messages that were not ingested,
 * {@code dead-letter} ({@code kamea.dead-letter}) and {@code unroutable} ({@code kamea.unroutable}):
 * how full they are, their oldest message, and a purge for the operator.
 */
@RequestScoped
@RolesAllowed(Role.VIEWER_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("ingestion/rejected")
@Produces(MediaType.APPLICATION_JSON)
public class RejectedStoreResource {

    private static final String STORE = "dead-letter or unroutable";

    @Inject
    RejectedStores stores;

    @GET
    @Tag(ref = ApiTags.INGESTION)
    @Operation(operationId = "listRejectedStores",
            summary = "Messages not ingested, held by the broker",
            description = "Both stores: depth (messages, payload bytes, from the broker's statistics, at most 5 s "
                    + "old), the policy's bounds, the oldest message (peeked at and put back: when and why it was "
                    + "refused, if its headers say) and what ingestion dead-lettered since the server started, "
                    + "by stream and reason.")
    @APIResponse(responseCode = "200", description = "The dead-letter and unroutable stores",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RejectedStoresView")))
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public RejectedStoresView list() {
        return new RejectedStoresView(Arrays.stream(RejectedStore.values())
                .map(store -> RejectedStoreView.of(stores.state(store))).toList());
    }

    @GET
    @Path("{store}")
    @Tag(ref = ApiTags.INGESTION)
    @Operation(operationId = "getRejectedStore",
            summary = "One store of messages not ingested",
            description = "As in the list, for dead-letter or unroutable.")
    @APIResponse(responseCode = "200", description = "The store",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RejectedStoreView")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public RejectedStoreView get(@Parameter(description = STORE, required = true) @PathParam("store") String store) {
        return RejectedStoreView.of(stores.state(RejectedStore.byId(store)));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @DELETE
    @Path("{store}/messages")
    @Tag(ref = ApiTags.INGESTION)
    @Operation(operationId = "purgeRejectedStore",
            summary = "Purge a store of messages not ingested",
            description = "Removes every message waiting in the store, for good. The store's depth shows it within "
                    + "5 s (the broker's statistics); ingestion's counts are not reset.")
    @APIResponse(responseCode = "204", description = "Purged")
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public Response purge(@Parameter(description = STORE, required = true) @PathParam("store") String store) {
        stores.purge(RejectedStore.byId(store));
        return Response.noContent().build();
    }
}
