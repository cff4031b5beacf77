package io.kamea.web.audit;

import io.kamea.access.AuditQuery;
import io.kamea.access.AuditSearch;
import io.kamea.access.Role;
import io.kamea.web.ApiTags;
import io.kamea.web.Instants;
import io.kamea.web.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/audit}: the audit trail, read only (there is no way to change an entry). */
@RequestScoped
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AuditResource {

    @Inject
    AuditSearch audit;

    @GET
    @Tag(ref = ApiTags.AUDIT)
    @Operation(operationId = "searchAudit", summary = "Search the audit trail",
            description = "Newest first, one page at a time: every state-changing call and every login, with "
                    + "time, identity (user name, API key id or token subject), kind, role, action (the "
                    + "operation's id), target (the path), outcome (the HTTP status) and source address.")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuditPageView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public AuditPageView search(@Parameter(description = "Page number, from 0")
                                @QueryParam("page") @DefaultValue("0") int page,
                                @Parameter(description = "Page size, 1 to 500")
                                @QueryParam("size") @DefaultValue("50") int size,
                                @Parameter(description = "Only this identity (exact)")
                                @QueryParam("identity") String identity,
                                @Parameter(description = "Only this target and those below it, e.g. /api/devices/<id>")
                                @QueryParam("target") String target,
                                @Parameter(description = "From this instant (ISO-8601, inclusive)")
                                @QueryParam("from") String from,
                                @Parameter(description = "Until this instant (ISO-8601, exclusive)")
                                @QueryParam("to") String to) {
        return AuditPageView.of(audit.find(new AuditQuery(identity, target, Instants.parse("from", from), Instants.parse("to", to)),
                page, size));
    }
}
