package io.kamea.web.command;

import io.kamea.access.Role;
import io.kamea.command.CommandService;
import io.kamea.web.ApiTags;
import io.kamea.web.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/commands/{commandId}}: one command and its outcome. */
@RequestScoped
@RolesAllowed(Role.VIEWER_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("commands")
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {

    @Inject
    CommandService commands;

    @GET
    @Path("{commandId}")
    @Tag(ref = ApiTags.COMMANDS)
    @Operation(operationId = "getCommand",
            summary = "Show a command and its outcome")
    @APIResponse(responseCode = "200", description = "The command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandView")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public CommandView get(@Parameter(description = "The command's id", required = true)
                           @PathParam("commandId") String commandId) {
        return CommandView.of(commands.find(commandId));
    }
}
