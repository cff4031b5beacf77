package io.kamea.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The broker's list is what the plugin reads: exactly the fingerprints given, as a JSON array of strings. */
class BannedCertificatesTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    private final BannedCertificates banned = new BannedCertificates();
    private final RabbitManagementApi api = mock(RabbitManagementApi.class);

    BannedCertificatesTest() {
        banned.api = api;
    }

    @Test
    void theWholeListIsWrittenOnceEachSorted() {
        banned.replace(List.of(B, A, B));

        verify(api).putGlobalParameter("kamea_banned_certificates",
                new RabbitManagementApi.GlobalParameter("kamea_banned_certificates", List.of(A, B)));
    }

    @Test
    void anEmptyListIsWrittenAsOneToo() {
        banned.replace(List.of());

        verify(api).putGlobalParameter("kamea_banned_certificates",
                new RabbitManagementApi.GlobalParameter("kamea_banned_certificates", List.of()));
    }

    @Test
    void theSameFingerprintsInAnyOrderDoNotDiffer() {
        broker(List.of(B, A));
        assertFalse(banned.differsFrom(List.of(A, B)));
        assertTrue(banned.differsFrom(List.of(A)));
        assertTrue(banned.differsFrom(List.of(A, B, "c".repeat(64))));
    }

    @Test
    void aParameterNotSetIsAnEmptyList() {
        Response notFound = mock(Response.class);
        when(notFound.getStatus()).thenReturn(404);
        when(notFound.getStatusInfo()).thenReturn(Response.Status.NOT_FOUND);
        doThrow(new WebApplicationException(notFound)).when(api).globalParameter(anyString());

        assertFalse(banned.differsFrom(List.of()));
        assertTrue(banned.differsFrom(List.of(A)));
    }

    @Test
    void aValueThePluginCannotReadAlwaysDiffers() {
        for (Object value : new Object[] {A, Map.of("x", A), List.of(A, 1), List.of(A, A)}) {
            broker(value);
            assertTrue(banned.differsFrom(List.of(A)), String.valueOf(value));
        }
    }

    @Test
    void anUnreachableBrokerIsUnavailable() {
        doThrow(new ProcessingException("refused")).when(api).putGlobalParameter(anyString(), any());
        assertThrows(BrokerUnavailableException.class, () -> banned.replace(List.of(A)));
    }

    private void broker(Object value) {
        when(api.globalParameter("kamea_banned_certificates"))
                .thenReturn(new RabbitManagementApi.GlobalParameter("kamea_banned_certificates", value));
    }
}
