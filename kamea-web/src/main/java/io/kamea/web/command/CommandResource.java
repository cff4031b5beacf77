package io.kamea.web.command;

import io.kamea.command.CommandService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/commands/{commandId}}: one command and its outcome. */
@RequestScoped
@Path("commands")
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {

    @Inject
    CommandService commands;

    @GET
    @Path("{commandId}")
    public CommandView get(@PathParam("commandId") String commandId) {
        return CommandView.of(commands.find(commandId));
    }
}
