package io.kamea.web.command;

import io.kamea.access.Role;
import io.kamea.command.Command;
import io.kamea.command.CommandService;
import io.kamea.platform.InvalidRequestException;
import io.kamea.provisioning.ProvisioningService;
import io.kamea.web.ApiTags;
import io.kamea.web.ProblemResponses;
import io.kamea.web.limits.BodyLimit;
import io.kamea.web.limits.Limit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/devices/{id}/commands}: send a command to a device (optionally waiting for its outcome), list them. */
@RequestScoped
@RolesAllowed(Role.VIEWER_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("devices/{id}/commands")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceCommandResource {

    /** Looked up once: {@code Json.create...} searches the class path for a provider at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** How long past the deadline a waiting caller is kept, for the timeout to be recorded. */
    private static final long WAIT_SLACK_MILLIS = 2_000;

    @Inject
    ProvisioningService provisioning;

    @Inject
    CommandService commands;

    @Context
    UriInfo uriInfo;

    /**
     * {@code {"name":"start","payload":{...},"timeoutSeconds":30}}. Answers 202 at once, or with
     * {@code ?wait=true} when the command succeeded or timed out (200 either way).
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(Limit.COMMAND)
    @Tag(ref = ApiTags.COMMANDS)
    @Operation(operationId = "sendCommand",
            summary = "Send a command to a device",
            description = "Publishes the request QoS 1 on device/<if>/command/request/<name>/<id>. The device answers "
                    + "on device/<if>/command/response/<id> before the deadline (succeeded), else the command times "
                    + "out (timed-out); a later answer is kept as lateResponse.")
    @RequestBody(ref = "CommandRequest")
    @APIResponse(responseCode = "202", description = "Sent; the outcome comes later (see Location)",
            headers = @Header(name = "Location", description = "The command's URL, /api/commands/{commandId}"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandView")))
    @APIResponse(responseCode = "200", description = "With wait=true: settled, succeeded or timed-out",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = ProblemResponses.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public void send(@Parameter(description = "The device's id", required = true) @PathParam("id") String deviceId,
                     @Parameter(description = "Answer only when the command succeeded or timed out")
                     @QueryParam("wait") @DefaultValue("false") boolean wait,
                     String body, @Suspended AsyncResponse async) {
        JsonObject request = parse(body);
        // read here: the answer may be written from another thread, outside this request
        URI base = uriInfo.getBaseUri();
        if (!wait) {
            Command command = commands.send(deviceId, string(request, "name"), payload(request), timeout(request));
            async.resume(Response.accepted(CommandView.of(command)).location(location(base, command.getId())).build());
            return;
        }
        AtomicBoolean answered = new AtomicBoolean();
        Consumer<Command> done = settled -> {
            if (answered.compareAndSet(false, true)) {
                async.resume(Response.ok(CommandView.of(settled)).location(location(base, settled.getId())).build());
            }
        };
        // The waiter is registered before the request leaves: no answer can come before it.
        Command command = commands.send(deviceId, string(request, "name"), payload(request), timeout(request), done);
        long millis = Duration.between(Instant.now(), command.getDeadline().toInstant()).toMillis() + WAIT_SLACK_MILLIS;
        async.setTimeout(Math.max(millis, WAIT_SLACK_MILLIS), TimeUnit.MILLISECONDS);
        async.setTimeoutHandler(response -> done.accept(commands.find(command.getId())));
    }

    private static URI location(URI base, String commandId) {
        return UriBuilder.fromUri(base).path("commands").path(commandId).build();
    }

    @GET
    @Tag(ref = ApiTags.COMMANDS)
    @Operation(operationId = "listCommands",
            summary = "List a device's commands", description = "Newest first, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of commands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandPageView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public CommandPageView list(@Parameter(description = "The device's id", required = true)
                                @PathParam("id") String deviceId,
                                @Parameter(description = "Page number, from 0")
                                @QueryParam("page") @DefaultValue("0") int page,
                                @Parameter(description = "Page size, 1 to 500")
                                @QueryParam("size") @DefaultValue("50") int size) {
        return CommandPageView.of(commands.list(provisioning.find(deviceId).getId(), page, size));
    }

    private static JsonObject parse(String body) {
        try (var reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRequestException("A command is a JSON object: {\"name\":..., \"payload\":..., "
                        + "\"timeoutSeconds\":...}");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidRequestException("The request body is not valid JSON");
        }
    }

    private static String string(JsonObject request, String key) {
        JsonValue value = request.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidRequestException(key + " must be a string");
        }
        return request.getString(key);
    }

    private static String payload(JsonObject request) {
        JsonValue payload = request.get("payload");
        return payload == null || payload == JsonValue.NULL ? null : payload.toString();
    }

    private static Integer timeout(JsonObject request) {
        JsonValue value = request.get("timeoutSeconds");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new InvalidRequestException("timeoutSeconds must be a whole number of seconds");
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidRequestException("timeoutSeconds is out of range");
        }
    }
}
