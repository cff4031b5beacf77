package io.kamea.web.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.platform.ContentTooLargeException;
import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.RequestLimits;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RequestBodyChecksTest {

    private static final long HUNDRED_MEGABYTES = 100L * 1024 * 1024;
    private static final RequestLimits LIMITS = RequestLimits.defaults();

    /** Resource methods as the API declares them. */
    static class Resources {

        @BodyLimit(Limit.CONFIGURATION)
        public void replaceDesired(String body) {
        }

        @BodyLimit(Limit.COMMAND)
        public void send(String body) {
        }

        @BodyLimit(Limit.CERTIFICATE)
        public void create(String body) {
        }

        public void approve(String body) {
        }
    }

    @Test
    void declaredLengthAboveTheLimitIsRefusedBeforeAByteIsRead() {
        ContainerRequestContext request = request(String.valueOf(HUNDRED_MEGABYTES), new EndlessBody());

        var e = assertThrows(ContentTooLargeException.class, () -> checks("replaceDesired").filter(request));

        assertEquals(413, e.status());
        assertEquals("The request body is larger than its limit of 32768 bytes (KAMEA_MAX_CONFIGURATION_BYTES)",
                e.getMessage());
        verify(request, never()).getEntityStream();
    }

    @Test
    void eachOperationHasItsOwnLimitAndEveryOtherOneTheDefault() {
        Map<String, Long> limits = Map.of("replaceDesired", 32768L, "send", 131072L + 4096,
                "create", 16384L + 4096, "approve", 65536L);
        limits.forEach((method, limit) -> {
            assertDoesNotThrow(() -> checks(method).filter(request(String.valueOf(limit), new EndlessBody())), method);
            var e = assertThrows(ContentTooLargeException.class,
                    () -> checks(method).filter(request(String.valueOf(limit + 1), new EndlessBody())), method);
            assertTrue(e.getMessage().contains("limit of " + limit + " bytes"), e.getMessage());
        });
    }

    @Test
    void chunkedBodyIsRefusedOneBytePastItsLimitWhateverItsSize() {
        EndlessBody hundredMegabytes = new EndlessBody();
        InputStream bounded = boundedStream("replaceDesired", null, hundredMegabytes);

        assertThrows(ContentTooLargeException.class, bounded::readAllBytes);

        assertEquals(32768 + 1, hundredMegabytes.served, "bytes taken from the client");
    }

    @Test
    void bodyLongerThanItsContentLengthSaysIsCutAtTheLimitToo() {
        EndlessBody lying = new EndlessBody();
        InputStream bounded = boundedStream("approve", "10", lying);

        assertThrows(ContentTooLargeException.class, bounded::readAllBytes);
        assertEquals(65536 + 1, lying.served);
    }

    @Test
    void bodyWithinItsLimitIsReadAsSent() throws IOException {
        byte[] body = "{\"temp\":12}".getBytes(StandardCharsets.UTF_8);

        assertArrayEquals(body, boundedStream("replaceDesired", String.valueOf(body.length),
                new ByteArrayInputStream(body)).readAllBytes());
    }

    @Test
    void contentLengthIsReadAsANumberOfAnySize() {
        assertEquals(-1, RequestBodyChecks.declaredLength(null));
        assertEquals(-1, RequestBodyChecks.declaredLength("ten"));
        assertEquals(-1, RequestBodyChecks.declaredLength("-5"));
        assertEquals(104857600, RequestBodyChecks.declaredLength(" 104857600 "));
        assertEquals(Long.MAX_VALUE, RequestBodyChecks.declaredLength("99999999999999999999999"));
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsRefusedBeforeAnythingBindsIt() throws IOException {
        ReaderInterceptorContext context = readContext(MediaType.APPLICATION_JSON_TYPE,
                "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}");

        var e = assertThrows(InvalidRequestException.class, () -> checks("create").aroundReadFrom(context));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("deeper than 32 levels (KAMEA_MAX_JSON_DEPTH)"), e.getMessage());
        verify(context, never()).proceed();
    }

    @Test
    void jsonWithinTheDepthReachesTheReaderAsSent() throws IOException {
        String json = "{\"name\":\"boiler\",\"payload\":[[{\"x\":[1]}]]}";
        ReaderInterceptorContext context = readContext(MediaType.APPLICATION_JSON_TYPE, json);

        checks("send").aroundReadFrom(context);

        var given = ArgumentCaptor.forClass(InputStream.class);
        verify(context).setInputStream(given.capture());
        verify(context).proceed();
        assertEquals(json, new String(given.getValue().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void formBodiesAreNotScannedAsJson() throws IOException {
        ReaderInterceptorContext context = readContext(MediaType.APPLICATION_FORM_URLENCODED_TYPE, "username=a");

        checks("approve").aroundReadFrom(context);

        verify(context, never()).getInputStream();
        verify(context).proceed();
    }

    private static RequestBodyChecks checks(String method) {
        return new RequestBodyChecks(LIMITS, resource(method));
    }

    private static ResourceInfo resource(String name) {
        Method method;
        try {
            method = Resources.class.getMethod(name, String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(name, e);
        }
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return Resources.class;
            }
        };
    }

    private static ContainerRequestContext request(String contentLength, InputStream body) {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getHeaderString(HttpHeaders.CONTENT_LENGTH)).thenReturn(contentLength);
        when(request.getEntityStream()).thenReturn(body);
        return request;
    }

    /** The stream the filter gives the rest of the request to read from. */
    private static InputStream boundedStream(String method, String contentLength, InputStream body) {
        ContainerRequestContext request = request(contentLength, body);
        checks(method).filter(request);
        var replaced = ArgumentCaptor.forClass(InputStream.class);
        verify(request).setEntityStream(replaced.capture());
        return replaced.getValue();
    }

    private static ReaderInterceptorContext readContext(MediaType type, String body) throws IOException {
        ReaderInterceptorContext context = mock(ReaderInterceptorContext.class);
        when(context.getMediaType()).thenReturn(type);
        when(context.getInputStream()).thenReturn(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        when(context.proceed()).thenReturn(new Object());
        return context;
    }

    /** 100 MB of {@code [} that exist only as they are read, counting what was read. */
    private static final class EndlessBody extends InputStream {

        long served;

        @Override
        public int read() {
            if (served >= HUNDRED_MEGABYTES) {
                return -1;
            }
            served++;
            return '[';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= HUNDRED_MEGABYTES) {
                return -1;
            }
            int n = (int) Math.min(length, HUNDRED_MEGABYTES - served);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) '[');
            served += n;
            return n;
        }
    }
}
