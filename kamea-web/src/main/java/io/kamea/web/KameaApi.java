package io.kamea.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * All resources live under {@code /api}. The OpenAPI document's frame is declared here: its tags
 * and the error responses every operation refers to, all with the {@link Problem} body.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Kamea API", version = "1",
                description = "Provision MQTT devices, set their configurations, send them commands, follow their "
                        + "connectivity and the ingestion of what they send. Every error, whatever its status "
                        + "(including 500), is an RFC 9457 problem: application/problem+json, schema Problem."),
        tags = {
                @Tag(name = ApiTags.DEVICES, description = "Provisioning: devices, their broker accounts and topics"),
                @Tag(name = ApiTags.CONFIGURATIONS,
                        description = "Desired configurations (sent to the device, retained) and reported ones"),
                @Tag(name = ApiTags.COMMANDS, description = "Commands to devices and their outcomes"),
                @Tag(name = ApiTags.CONNECTIVITY, description = "Whether devices are connected, with their history"),
                @Tag(name = ApiTags.INGESTION, description = "What ingestion forwarded to the bus and dead-lettered")
        },
        components = @Components(responses = {
                @APIResponse(name = ProblemResponses.BAD_REQUEST, responseCode = "400",
                        description = "The request is invalid: body not JSON or of the wrong shape, a field or "
                                + "parameter missing or out of range",
                        content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ProblemResponses.NOT_FOUND, responseCode = "404",
                        description = "No such device or command",
                        content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ProblemResponses.CONFLICT, responseCode = "409",
                        description = "A device with that name or certificate common name exists",
                        content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ProblemResponses.UNAVAILABLE, responseCode = "503",
                        description = "The broker (management API or MQTT) cannot be reached or refused the "
                                + "change; nothing was changed, the call can be repeated",
                        content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class)))
        }))
public class KameaApi extends Application {
}
