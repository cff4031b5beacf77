package io.kamea.web.limits;

import io.kamea.platform.RequestLimits;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Every request body is hostile until checked. Before the resource method is called, a body
 * whose Content-Length is above its operation's limit ({@link BodyLimit}, else
 * {@link Limit#REQUEST}) is refused (413) without a byte of it read; any other is read through a
 * {@link BoundedInputStream}, which refuses it (413) one byte past the limit, chunked or not.
 * Then, before anything binds it, a JSON body is checked for depth ({@link JsonDepth}, 400).
 * So a body is held in memory whole only if it is within its limit.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Priority(Priorities.ENTITY_CODER)
public class RequestBodyChecks implements ContainerRequestFilter, ReaderInterceptor {

    @Context
    ResourceInfo resource;

    private volatile RequestLimits limits;

    public RequestBodyChecks() {
    }

    /** For unit tests. */
    RequestBodyChecks(RequestLimits limits, ResourceInfo resource) {
        this.limits = limits;
        this.resource = resource;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestLimits current = limits();
        Limit limit = Limit.of(resource.getResourceMethod(), resource.getResourceClass());
        long bytes = limit.bytes(current);
        if (declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH)) > bytes) {
            throw limit.tooLarge(current);
        }
        request.setEntityStream(new BoundedInputStream(request.getEntityStream(), bytes,
                () -> limit.tooLarge(current)));
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed(); // the broker's callbacks: form fields, no JSON
        }
        // Bounded by the stream filter() put in place, which throws past the limit.
        byte[] body = context.getInputStream().readAllBytes();
        JsonDepth.check(body, limits().maxJsonDepth());
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /**
     * The Content-Length as a number, or -1 when there is none (chunked) or it is not digits (the
     * container frames the body then; the counting stream still bounds it). A number too long
     * for a {@code long} is as large as one.
     */
    static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        String digits = header.trim();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** Looked up at the first request rather than injected: providers are not CDI beans on every runtime. */
    private RequestLimits limits() {
        RequestLimits current = limits;
        if (current == null) {
            current = CDI.current().select(RequestLimits.class).get();
            limits = current;
        }
        return current;
    }
}
