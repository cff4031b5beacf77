package io.kamea.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem body. */
@Schema(name = "Problem", description = "RFC 9457 problem details: the body of every error answer")
public record Problem(
        @Schema(description = "Always about:blank: the status and title say what happened", example = "about:blank")
        String type,
        @Schema(description = "Short summary of the kind of problem", example = "Device not found")
        String title,
        @Schema(description = "The HTTP status code", example = "404")
        int status,
        @Schema(description = "What went wrong with this request", example = "No device with id 5b0e...")
        String detail) {

    public static final MediaType MEDIA_TYPE = MediaType.valueOf(ProblemResponses.MEDIA_TYPE);

    public static Response response(int status, String title, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail))
                .build();
    }
}
