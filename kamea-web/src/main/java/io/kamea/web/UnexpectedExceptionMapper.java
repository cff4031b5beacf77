package io.kamea.web;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A failure raised on purpose but wrapped on its way keeps its own answer
 * ({@link KameaExceptionMapper#within}); a body the JSON binding could not read is the caller's
 * mistake (400); any other surprise is ours (500), logged with its stack trace and not shown to
 * the caller.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        var kamea = KameaExceptionMapper.within(e);
        if (kamea.isPresent()) {
            return new KameaExceptionMapper().toResponse(kamea.get());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException
                    || (t instanceof ProcessingException && t.getCause() instanceof JsonbException)) {
                return Problem.response(400, "Bad Request",
                        "The request body is not valid JSON for this resource");
            }
        }
        return serverError(e);
    }

    static Response serverError(Throwable e) {
        LOG.log(Level.SEVERE, "Unexpected failure", e);
        return Problem.response(500, "Internal Server Error", "Unexpected failure; see the server log");
    }
}
