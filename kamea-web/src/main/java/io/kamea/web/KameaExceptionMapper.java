package io.kamea.web;

import io.kamea.platform.KameaException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Failures the services raise on purpose carry their own status and explanation. */
@Provider
public class KameaExceptionMapper implements ExceptionMapper<KameaException> {

    private static final Logger LOG = Logger.getLogger(KameaExceptionMapper.class.getName());

    @Override
    public Response toResponse(KameaException e) {
        if (e.status() >= 500) {
            LOG.log(Level.WARNING, e.getMessage(), e.getCause());
        }
        return Problem.response(e.status(), e.title(), e.getMessage());
    }

    /**
     * The {@link KameaException} that {@code e} is or wraps, if any. The EJB container wraps what
     * escapes a bean, and the runtime's readers wrap what escapes the body's stream (a body read
     * past its limit): the caller still gets the real reason.
     */
    static Optional<KameaException> within(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KameaException kamea) {
                return Optional.of(kamea);
            }
        }
        return Optional.empty();
    }

    /** Unwraps what the EJB container wrapped, so the caller still gets the real reason. */
    @Provider
    public static class EjbExceptionMapper implements ExceptionMapper<EJBException> {

        @Override
        public Response toResponse(EJBException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e.getCausedByException();
            return within(cause).map(new KameaExceptionMapper()::toResponse)
                    .orElseGet(() -> UnexpectedExceptionMapper.serverError(e));
        }
    }
}
