package io.kamea.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The runtime's own rejections (unknown path, wrong method or media type, unreadable body) keep
 * their status but get a problem body like every other error.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = status.getStatusCode() == 400
                ? "The request body is not valid JSON for this resource"
                : e.getMessage();
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), detail);
    }
}
