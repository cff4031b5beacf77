package io.kamea.provisioning.bans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.kamea.broker.BannedCertificates;
import io.kamea.broker.BrokerAccounts;
import io.kamea.broker.BrokerUnavailableException;
import io.kamea.platform.InvalidRequestException;
import io.kamea.provisioning.Device;
import io.kamea.provisioning.DeviceCertificate;
import io.kamea.provisioning.DeviceDisabling;
import io.kamea.provisioning.ProvisioningService;
import io.kamea.provisioning.ProvisioningType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a ban changes, in which order, and what it refuses. */
class BanServiceTest {

    private static final String FINGERPRINT = "5b7929b2c7a1f0e3d4c5b6a79880716253443526170809fa0b1c2d3e4f506175";
    private static final String OTHER = "0".repeat(64);

    private final BanService service = new BanService();
    private final EntityManager em = mock(EntityManager.class);
    private final BanList bans = mock(BanList.class);
    private final BannedCertificates broker = mock(BannedCertificates.class);
    private final BrokerAccounts accounts = mock(BrokerAccounts.class);
    private final DeviceDisabling disabling = mock(DeviceDisabling.class);
    private final ProvisioningService devices = mock(ProvisioningService.class);
    private final Query lock = mock(Query.class);
    @SuppressWarnings("unchecked")
    private final TypedQuery<String> byCertificate = mock(TypedQuery.class);
    @SuppressWarnings("unchecked")
    private final TypedQuery<String> byInterfaceName = mock(TypedQuery.class);

    @BeforeEach
    void wire() {
        service.em = em;
        service.bans = bans;
        service.broker = broker;
        service.accounts = accounts;
        service.disabling = disabling;
        service.devices = devices;
        service.clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        when(em.createNativeQuery(Queries.LOCK)).thenReturn(lock);
        when(em.createQuery(Queries.DEVICE_BY_CERTIFICATE, String.class)).thenReturn(byCertificate);
        when(byCertificate.setParameter(eq("fingerprint"), any())).thenReturn(byCertificate);
        when(em.createQuery(Queries.DEVICE_BY_INTERFACE_NAME, String.class)).thenReturn(byInterfaceName);
        when(byInterfaceName.setParameter(eq("interfaceName"), any())).thenReturn(byInterfaceName);
        when(bans.certificateFingerprints()).thenReturn(List.of(OTHER, FINGERPRINT));
    }

    // --- certificates --------------------------------------------------------------------------

    @Test
    void aCertificateBanIsWrittenUnderTheLockThenTheBrokerGetsTheWholeListFromTheDatabase() {
        Ban ban = service.banCertificate(FINGERPRINT.toUpperCase(), " leaked ");

        assertEquals(FINGERPRINT, ban.getFingerprintSha256());
        assertNull(ban.getCommonName());
        assertEquals("leaked", ban.getReason());
        var order = inOrder(lock, bans, em, broker);
        order.verify(lock).executeUpdate();
        order.verify(bans).ofCertificate(FINGERPRINT);
        order.verify(em).persist(ban);
        order.verify(em).flush();
        order.verify(bans).certificateFingerprints();
        order.verify(broker).replace(List.of(OTHER, FINGERPRINT));
    }

    @Test
    void aBrokerThatCannotTakeTheListFailsTheBanSoItRollsBack() {
        doThrow(new BrokerUnavailableException("down", null)).when(broker).replace(any());

        assertThrows(BrokerUnavailableException.class, () -> service.banCertificate(FINGERPRINT, "leaked"));
    }

    @Test
    void theSelfSignedDevicePinnedToABannedCertificateIsDisabled() {
        when(byCertificate.getResultList()).thenReturn(List.of("device-1"));

        service.banCertificate(FINGERPRINT, "leaked");

        verify(byCertificate).setParameter("fingerprint", Fingerprints.withColons(FINGERPRINT));
        verify(disabling).disable("device-1");
    }

    @Test
    void aCertificateBannedAlreadyIsAConflictAndNothingIsWritten() {
        Ban existing = Ban.ofCertificate(FINGERPRINT, "first", null);
        when(bans.ofCertificate(FINGERPRINT)).thenReturn(Optional.of(existing));

        var conflict = assertThrows(DuplicateBanException.class, () -> service.banCertificate(FINGERPRINT, "again"));

        assertEquals(409, conflict.status());
        assertTrue(conflict.getMessage().contains(existing.getId()), conflict.getMessage());
        verify(em, never()).persist(any());
        verifyNoInteractions(broker);
    }

    @Test
    void aBanRacingAnotherForTheSameSubjectIsAConflict() {
        doThrow(new PersistenceException("unique")).when(em).flush();

        assertThrows(DuplicateBanException.class, () -> service.banCertificate(FINGERPRINT, "leaked"));
        verifyNoInteractions(broker);
    }

    @Test
    void anInvalidFingerprintOrReasonChangesNothing() {
        assertThrows(InvalidRequestException.class, () -> service.banCertificate("5b:79", "leaked"));
        assertThrows(InvalidRequestException.class, () -> service.banCertificate(FINGERPRINT, " "));
        verify(em, never()).persist(any());
        verifyNoInteractions(broker, disabling);
    }

    // --- common names --------------------------------------------------------------------------

    @Test
    void aCommonNameBanDisablesTheDeviceOfThatNameAndLeavesTheBrokersListAlone() {
        when(byInterfaceName.getResultList()).thenReturn(List.of("device-7"));

        Ban ban = service.banCommonName("boiler-7", "stolen");

        assertEquals("boiler-7", ban.getCommonName());
        assertNull(ban.getFingerprintSha256());
        var order = inOrder(em, disabling);
        order.verify(em).persist(ban);
        order.verify(em).flush();
        order.verify(disabling).disable("device-7");
        verifyNoInteractions(broker, lock);
    }

    @Test
    void aCommonNameOfNoDeviceIsBannedAllTheSame() {
        assertEquals("sensor-99", service.banCommonName("sensor-99", "never again").getCommonName());
        verifyNoInteractions(disabling);
    }

    @Test
    void aCommonNameThatCouldNotBeAnInterfaceNameIsRefused() {
        for (String bad : new String[] {null, "", "a/b", "*", "x".repeat(65)}) {
            assertThrows(InvalidRequestException.class, () -> service.banCommonName(bad, "why"), String.valueOf(bad));
        }
        verify(em, never()).persist(any());
    }

    // --- a device's --------------------------------------------------------------------------------

    @Test
    void aSelfSignedDevicesOwnCertificateIsBannedWhenNoneIsGivenAndItsConnectionsClosed() {
        Device device = device(ProvisioningType.SELF_SIGNED, "device-rsa");
        DeviceCertificate certificate = mock(DeviceCertificate.class);
        when(certificate.getFingerprintSha256()).thenReturn(Fingerprints.withColons(FINGERPRINT));
        when(device.getCertificate()).thenReturn(certificate);

        Ban ban = service.banDeviceCertificate(device.getId(), null, "leaked");

        assertEquals(FINGERPRINT, ban.getFingerprintSha256());
        var order = inOrder(broker, accounts);
        order.verify(broker).replace(any());
        order.verify(accounts).closeConnections("device-rsa");
    }

    @Test
    void aCaSignedDevicesCertificateMustBeNamed() {
        Device device = device(ProvisioningType.AUTO, "sensor-17");

        assertThrows(InvalidRequestException.class, () -> service.banDeviceCertificate(device.getId(), null, "x"));
        Ban ban = service.banDeviceCertificate(device.getId(), FINGERPRINT, "leaked");

        assertEquals(FINGERPRINT, ban.getFingerprintSha256());
        verify(accounts).closeConnections("sensor-17");
        verify(disabling, never()).disable(anyString());
    }

    @Test
    void aDevicesCommonNameBanIsItsInterfaceName() {
        Device device = device(ProvisioningType.CERTIFICATE, "boiler-cn");

        assertEquals("boiler-cn", service.banDeviceCommonName(device.getId(), "stolen").getCommonName());
    }

    @Test
    void aPasswordDeviceHasNothingToBan() {
        Device device = device(ProvisioningType.PASSWORD, "9d1f");

        assertThrows(InvalidRequestException.class, () -> service.banDeviceCommonName(device.getId(), "x"));
        assertThrows(InvalidRequestException.class, () -> service.banDeviceCertificate(device.getId(), FINGERPRINT, "x"));
        verify(em, never()).persist(any());
    }

    // --- lifting, synchronising ------------------------------------------------------------------------

    @Test
    void liftingACertificateBanRewritesTheBrokersListUnderTheLockAndEnablesNothing() {
        Ban ban = Ban.ofCertificate(FINGERPRINT, "leaked", null);
        when(em.find(Ban.class, ban.getId())).thenReturn(ban);
        when(bans.certificateFingerprints()).thenReturn(List.of(OTHER));

        service.lift(ban.getId());

        var order = inOrder(lock, em, broker);
        order.verify(lock).executeUpdate();
        order.verify(em).remove(ban);
        order.verify(em).flush();
        order.verify(broker).replace(List.of(OTHER));
        verifyNoInteractions(disabling);
    }

    @Test
    void liftingACommonNameBanLeavesTheBrokerAlone() {
        Ban ban = Ban.ofCommonName("boiler-7", "stolen", null);
        when(em.find(Ban.class, ban.getId())).thenReturn(ban);

        service.lift(ban.getId());

        verify(em).remove(ban);
        verifyNoInteractions(broker, lock, disabling);
    }

    @Test
    void anUnknownBanIsNotFound() {
        assertThrows(BanNotFoundException.class, () -> service.lift("nope"));
        assertThrows(BanNotFoundException.class, () -> service.find(null));
    }

    @Test
    void synchronisingWritesTheListOnlyWhenTheBrokersDiffers() {
        when(broker.differsFrom(List.of(OTHER, FINGERPRINT))).thenReturn(false);
        assertFalse(service.synchronise());
        verify(broker, never()).replace(any());

        when(broker.differsFrom(List.of(OTHER, FINGERPRINT))).thenReturn(true);
        assertTrue(service.synchronise());
        verify(broker).replace(List.of(OTHER, FINGERPRINT));
        verify(lock, org.mockito.Mockito.times(2)).executeUpdate();
    }

    private Device device(ProvisioningType type, String interfaceName) {
        Device device = mock(Device.class);
        when(device.getId()).thenReturn("id-" + interfaceName);
        when(device.getInterfaceName()).thenReturn(interfaceName);
        when(device.getProvisioning()).thenReturn(type);
        when(devices.find(device.getId())).thenReturn(device);
        return device;
    }
}
