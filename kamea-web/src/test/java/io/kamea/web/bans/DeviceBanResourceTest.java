package io.kamea.web.bans;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.kamea.platform.InvalidRequestException;
import io.kamea.provisioning.bans.Ban;
import io.kamea.provisioning.bans.BanService;
import org.junit.jupiter.api.Test;

/** {@code POST /api/devices/{id}/ban}: what {@code ban} may be and what goes with it. */
class DeviceBanResourceTest {

    private final DeviceBanResource resource = new DeviceBanResource();
    private final BanService bans = mock(BanService.class);

    DeviceBanResourceTest() {
        resource.bans = bans;
    }

    @Test
    void certificateBansTheGivenOrUploadedCertificate() {
        Ban ban = mock(Ban.class);
        when(bans.banDeviceCertificate("d-1", null, "leaked")).thenReturn(ban);

        assertSame(ban, resource.banned("d-1", new DeviceBanRequest("certificate", null, "leaked")));
    }

    @Test
    void commonNameBansTheDevicesName() {
        Ban ban = mock(Ban.class);
        when(bans.banDeviceCommonName("d-1", "stolen")).thenReturn(ban);

        assertSame(ban, resource.banned("d-1", new DeviceBanRequest("common-name", null, "stolen")));
    }

    @Test
    void anythingElseIsRefusedBeforeAnythingIsBanned() {
        assertThrows(InvalidRequestException.class, () -> resource.banned("d-1", null));
        assertThrows(InvalidRequestException.class, () -> resource.banned("d-1", new DeviceBanRequest(null, null, "x")));
        assertThrows(InvalidRequestException.class, () -> resource.banned("d-1", new DeviceBanRequest("CN", null, "x")));
        assertThrows(InvalidRequestException.class,
                () -> resource.banned("d-1", new DeviceBanRequest("common-name", "0".repeat(64), "x")));
        verifyNoInteractions(bans);
    }
}
