package io.kamea.web.bans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.platform.InvalidRequestException;
import io.kamea.provisioning.bans.Ban;
import io.kamea.provisioning.bans.BanPage;
import io.kamea.provisioning.bans.BanService;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /api/bans}: one ban per request, of a certificate or of a common name, in the shape docs/api.md shows. */
class BanResourceTest {

    private static final String FINGERPRINT = "5b7929b2c7a1f0e3d4c5b6a79880716253443526170809fa0b1c2d3e4f506175";

    private final BanResource resource = new BanResource();
    private final BanService bans = mock(BanService.class);

    BanResourceTest() {
        resource.bans = bans;
    }

    @Test
    void aFingerprintBansACertificate() {
        Ban ban = mock(Ban.class);
        when(bans.banCertificate(FINGERPRINT, "leaked")).thenReturn(ban);

        assertSame(ban, resource.banned(new BanRequest(FINGERPRINT, null, "leaked")));
    }

    @Test
    void aCommonNameBansTheName() {
        Ban ban = mock(Ban.class);
        when(bans.banCommonName("boiler-7", "stolen")).thenReturn(ban);

        assertSame(ban, resource.banned(new BanRequest(null, "boiler-7", "stolen")));
    }

    @Test
    void bothOrNoBodyAreRefusedBeforeAnythingIsBanned() {
        var both = assertThrows(InvalidRequestException.class,
                () -> resource.banned(new BanRequest(FINGERPRINT, "boiler-7", "why")));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        assertThrows(InvalidRequestException.class, () -> resource.banned(null));
        verify(bans, never()).banCertificate(anyString(), any());
        verify(bans, never()).banCommonName(any(), any());
    }

    @Test
    void neitherIsTheServicesToRefuseWithItsReason() {
        // The service says "commonName or fingerprintSha256 is required": one message for both paths.
        resource.banned(new BanRequest(null, null, "why"));
        verify(bans).banCommonName(null, "why");
    }

    @Test
    void aPageOfBansAsJson() throws Exception {
        Ban certificate = ban("b-1", FINGERPRINT, null, "leaked", "2030-01-02T03:04:05Z");
        Ban name = ban("b-2", null, "boiler-7", "stolen", "2030-01-01T00:00:00Z");
        when(bans.list(0, 50)).thenReturn(new BanPage(List.of(certificate, name), 0, 50, 2));

        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals("{\"items\":["
                    + "{\"createdAt\":\"2030-01-02T03:04:05Z\",\"fingerprintSha256\":\"" + FINGERPRINT + "\","
                    + "\"id\":\"b-1\",\"reason\":\"leaked\"},"
                    + "{\"commonName\":\"boiler-7\",\"createdAt\":\"2030-01-01T00:00:00Z\",\"id\":\"b-2\","
                    + "\"reason\":\"stolen\"}],\"page\":0,\"size\":50,\"total\":2}",
                    jsonb.toJson(resource.list(0, 50)));
        }
    }

    static Ban ban(String id, String fingerprint, String commonName, String reason, String createdAt) {
        Ban ban = mock(Ban.class);
        when(ban.getId()).thenReturn(id);
        when(ban.getFingerprintSha256()).thenReturn(fingerprint);
        when(ban.getCommonName()).thenReturn(commonName);
        when(ban.getReason()).thenReturn(reason);
        when(ban.getCreatedAt()).thenReturn(OffsetDateTime.parse(createdAt));
        return ban;
    }
}
