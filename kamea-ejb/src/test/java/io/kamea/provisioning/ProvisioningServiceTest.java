package io.kamea.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import static org.mockito.Mockito.when;

import io.kamea.broker.BrokerAccounts;
import io.kamea.broker.BrokerUnavailableException;
import io.kamea.broker.BrokerSettings;
import io.kamea.broker.MqttGateway;
import io.kamea.broker.ReservedNameException;
import io.kamea.broker.ServiceAccounts;
import io.kamea.platform.ContentTooLargeException;
import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.RequestLimits;
import io.kamea.provisioning.bans.Ban;
import io.kamea.provisioning.bans.BanList;
import io.kamea.provisioning.bans.BannedException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The order of the calls is what keeps database and broker in step; these tests pin it. */
class ProvisioningServiceTest {

    private final ProvisioningService service = new ProvisioningService();
    private final EntityManager em = mock(EntityManager.class);
    private final BrokerAccounts broker = mock(BrokerAccounts.class);
    private final DeviceDirectory directory = mock(DeviceDirectory.class);
    private final TransactionSynchronizationRegistry transaction = mock(TransactionSynchronizationRegistry.class);
    private final MqttGateway mqtt = mock(MqttGateway.class);
    private final BanList bans = mock(BanList.class);
    @SuppressWarnings("unchecked")
    private final TypedQuery<Device> byName = mock(TypedQuery.class);

    @BeforeEach
    void wire() {
        service.em = em;
        service.broker = broker;
        service.directory = directory;
        service.transaction = transaction;
        service.mqtt = mqtt;
        service.bans = bans;
        BrokerSettings settings = mock(BrokerSettings.class);
        when(settings.login()).thenReturn("kamea-admin");
        service.serviceAccounts = ServiceAccounts.of(settings, "kamea-api", "kamea-api");
        when(mqtt.enabled()).thenReturn(true);
        service.limits = RequestLimits.defaults();
        service.clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        when(em.createQuery(Queries.DEVICE_BY_NAME, Device.class)).thenReturn(byName);
        when(byName.setParameter(eq("name"), any())).thenReturn(byName);
        when(byName.getResultList()).thenReturn(List.of());
    }

    @Test
    void passwordDeviceGetsAUuidLoginAndAnAccountAfterItsRowIsWritten() {
        ProvisionedDevice provisioned = service.provision("  boiler-42 ", ProvisioningType.PASSWORD);

        Device device = provisioned.device();
        assertEquals("boiler-42", device.getName());
        assertTrue(device.getInterfaceName().matches("[0-9a-f-]{36}"));
        assertEquals(device.getInterfaceName(), provisioned.login());
        assertTrue(provisioned.password().length() >= 32, "a strong password");
        var order = inOrder(em, transaction, broker);
        order.verify(em).persist(device);
        order.verify(em).flush();
        order.verify(transaction).registerInterposedSynchronization(any());
        order.verify(broker).createPasswordAccount(provisioned.login(), provisioned.password());
    }

    @Test
    void certificateDeviceIsKnownByItsCommonNameAndGetsNoCredentials() {
        when(em.createQuery(Queries.DEVICE_BY_INTERFACE_NAME, Device.class)).thenReturn(byName);
        when(byName.setParameter(eq("interfaceName"), any())).thenReturn(byName);

        ProvisionedDevice provisioned = service.provision("boiler-42", ProvisioningType.CERTIFICATE, "boiler-42-cn");

        Device device = provisioned.device();
        assertEquals("boiler-42-cn", device.getInterfaceName());
        assertEquals(ProvisioningType.CERTIFICATE, device.getProvisioning());
        assertNull(provisioned.login());
        assertNull(provisioned.password());
        var order = inOrder(em, transaction, broker);
        order.verify(em).persist(device);
        order.verify(em).flush();
        order.verify(transaction).registerInterposedSynchronization(any());
        order.verify(broker).createCertificateAccount("boiler-42-cn");
        verify(broker, never()).createPasswordAccount(anyString(), anyString());
    }

    @Test
    void commonNameAlreadyUsedIsAConflictAndTheBrokerIsNotTouched() {
        @SuppressWarnings("unchecked")
        TypedQuery<Device> byInterfaceName = mock(TypedQuery.class);
        when(em.createQuery(Queries.DEVICE_BY_INTERFACE_NAME, Device.class)).thenReturn(byInterfaceName);
        when(byInterfaceName.setParameter("interfaceName", "taken")).thenReturn(byInterfaceName);
        when(byInterfaceName.getResultList()).thenReturn(List.of(Device.withCertificate("other", "taken")));

        var e = assertThrows(DuplicateDeviceException.class,
                () -> service.provision("boiler", ProvisioningType.CERTIFICATE, "taken"));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("common name 'taken'"), e.getMessage());
        verify(em, never()).persist(any());
        verify(broker, never()).createCertificateAccount(anyString());
    }

    @Test
    void certificateWithoutAValidCommonNameIsInvalid() {
        assertThrows(InvalidRequestException.class, () -> service.provision("boiler", ProvisioningType.CERTIFICATE, null));
        assertThrows(InvalidRequestException.class, () -> service.provision("boiler", ProvisioningType.CERTIFICATE, "a/b"));
        assertThrows(InvalidRequestException.class, () -> service.provision("boiler", ProvisioningType.PASSWORD, "cn"));
        verify(em, never()).persist(any());
    }

    @Test
    void accountIsRemovedWhenTheTransactionDoesNotCommit() {
        ProvisionedDevice provisioned = service.provision("boiler", ProvisioningType.PASSWORD);
        var undo = ArgumentCaptor.forClass(Synchronization.class);
        verify(transaction).registerInterposedSynchronization(undo.capture());

        undo.getValue().afterCompletion(Status.STATUS_COMMITTED);
        verify(broker, never()).deleteAccountQuietly(anyString());

        undo.getValue().afterCompletion(Status.STATUS_ROLLEDBACK);
        verify(broker).deleteAccountQuietly(provisioned.login());
    }

    @Test
    void brokerFailureEscapesSoTheRowRollsBack() {
        doThrow(new BrokerUnavailableException("down", null)).when(broker).createPasswordAccount(anyString(), anyString());
        assertThrows(BrokerUnavailableException.class, () -> service.provision("boiler", ProvisioningType.PASSWORD));
    }

    @Test
    void takenNameIsAConflictAndTheBrokerIsNotTouched() {
        when(byName.getResultList()).thenReturn(List.of(Device.withPassword("boiler")));
        assertThrows(DuplicateDeviceException.class, () -> service.provision("boiler", ProvisioningType.PASSWORD));
        verify(em, never()).persist(any());
        verify(broker, never()).createPasswordAccount(anyString(), anyString());
    }

    @Test
    void blankOrOverlongNamesAreInvalid() {
        assertThrows(InvalidRequestException.class, () -> service.provision(" ", ProvisioningType.PASSWORD));
        assertThrows(InvalidRequestException.class, () -> service.provision(null, ProvisioningType.PASSWORD));
        assertThrows(InvalidRequestException.class,
                () -> service.provision("x".repeat(201), ProvisioningType.PASSWORD));
    }

    @Test
    void deviceIsRemovedOnlyAfterItsAccount() {
        Device device = Device.withPassword("boiler");
        when(em.find(Device.class, device.getId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)).thenReturn(device);

        service.deprovision(device.getId());

        var order = inOrder(mqtt, broker, em, directory);
        order.verify(mqtt).clearRetained(device.topics().desiredConfiguration());
        order.verify(broker).deleteAccount(device.getInterfaceName());
        order.verify(em).remove(device);
        order.verify(directory).forget(device.getInterfaceName());
    }

    @Test
    void deviceStaysWhenItsRetainedConfigurationCannotBeCleared() {
        Device device = Device.withPassword("boiler");
        when(em.find(Device.class, device.getId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)).thenReturn(device);
        doThrow(new io.kamea.broker.MqttUnavailableException("down", null)).when(mqtt).clearRetained(anyString());

        assertThrows(io.kamea.broker.MqttUnavailableException.class, () -> service.deprovision(device.getId()));
        verify(broker, never()).deleteAccount(anyString());
        verify(em, never()).remove(any());
    }

    @Test
    void aBrokerUserThatIsNotADeviceIsRefusedAndNeverRemovedOnRollback() {
        when(em.createQuery(Queries.DEVICE_BY_INTERFACE_NAME, Device.class)).thenReturn(byName);
        when(byName.setParameter(eq("interfaceName"), any())).thenReturn(byName);
        doThrow(new ReservedNameException("operator")).when(broker).claimForDevice("operator");

        assertThrows(ReservedNameException.class,
                () -> service.provision("x", ProvisioningType.CERTIFICATE, "operator", null));
        verify(transaction, never()).registerInterposedSynchronization(any());
        verify(broker, never()).createCertificateAccount(anyString());
    }

    @Test
    void bannedCommonNameOrCertificateIsRefusedBeforeAnythingIsWritten() throws IOException {
        doThrow(new BannedException(mock(Ban.class))).when(bans).refuseBanned(eq("banned-cn"), any());
        doThrow(new BannedException(mock(Ban.class))).when(bans).refuseBanned(eq("device-rsa"), anyString());

        assertThrows(BannedException.class, () -> service.provision("x", ProvisioningType.CERTIFICATE, "banned-cn", null));
        assertThrows(BannedException.class,
                () -> service.provision("y", ProvisioningType.SELF_SIGNED, null, certificate("rsa-2048.pem")));
        verify(bans).refuseBanned(eq("banned-cn"), eq(null));
        verify(em, never()).persist(any());
        verify(broker, never()).claimForDevice(anyString());
    }

    @Test
    void serviceAccountNamesAreRefusedBeforeAnythingIsWritten() throws IOException {
        when(em.createQuery(Queries.DEVICE_BY_INTERFACE_NAME, Device.class)).thenReturn(byName);
        when(byName.setParameter(eq("interfaceName"), any())).thenReturn(byName);
        for (String cn : List.of("kamea-admin", "kamea-api", "kamea-api-2")) {
            assertThrows(ReservedNameException.class,
                    () -> service.provision("x", ProvisioningType.CERTIFICATE, cn, null), cn);
        }
        verify(em, never()).persist(any());
        verify(broker, never()).createCertificateAccount(anyString());
    }

    @Test
    void deviceStaysWhenTheBrokerCannotRemoveItsAccount() {
        Device device = Device.withPassword("boiler");
        when(em.find(Device.class, device.getId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)).thenReturn(device);
        doThrow(new BrokerUnavailableException("down", null)).when(broker).deleteAccount(anyString());

        assertThrows(BrokerUnavailableException.class, () -> service.deprovision(device.getId()));
        verify(em, never()).remove(any());
    }

    @Test
    void autoProvisioningIsNotAskedFor() {
        assertThrows(InvalidRequestException.class, () -> service.provision("boiler", ProvisioningType.AUTO));
        verify(em, never()).persist(any());
    }

    @Test
    void selfSignedDeviceIsKnownByItsCertificatesCommonNameAndPinnedOnItsAccount() throws IOException {
        when(em.createQuery(Queries.DEVICE_BY_INTERFACE_NAME, Device.class)).thenReturn(byName);
        when(byName.setParameter(eq("interfaceName"), any())).thenReturn(byName);

        ProvisionedDevice provisioned = service.provision("boiler-42", ProvisioningType.SELF_SIGNED, null,
                certificate("rsa-2048.pem"));

        Device device = provisioned.device();
        assertEquals("device-rsa", device.getInterfaceName());
        assertEquals(ProvisioningType.SELF_SIGNED, device.getProvisioning());
        assertEquals("CN=device-rsa,O=Kamea test", device.getCertificate().getSubject());
        assertNull(provisioned.login());
        var order = inOrder(em, broker, transaction);
        order.verify(em).flush();
        order.verify(broker).claimForDevice("device-rsa");
        order.verify(transaction).registerInterposedSynchronization(any());
        order.verify(broker).createPinnedAccount("device-rsa", device.getCertificate().getFingerprintSha256());
        verify(broker, never()).createCertificateAccount(anyString());
    }

    @Test
    void pinnedAccountIsRemovedWhenTheTransactionDoesNotCommit() throws IOException {
        when(em.createQuery(Queries.DEVICE_BY_INTERFACE_NAME, Device.class)).thenReturn(byName);
        when(byName.setParameter(eq("interfaceName"), any())).thenReturn(byName);
        service.provision("boiler-42", ProvisioningType.SELF_SIGNED, null, certificate("rsa-2048.pem"));
        var undo = ArgumentCaptor.forClass(Synchronization.class);
        verify(transaction).registerInterposedSynchronization(undo.capture());

        undo.getValue().afterCompletion(Status.STATUS_ROLLEDBACK);

        verify(broker).deleteAccountQuietly("device-rsa");
    }

    @Test
    void refusedCertificateTouchesNothing() throws IOException {
        var e = assertThrows(InvalidRequestException.class, () -> service.provision("boiler-42",
                ProvisioningType.SELF_SIGNED, null, certificate("rsa-1024.pem")));
        assertTrue(e.getMessage().contains("1024 bits"), e.getMessage());
        verify(em, never()).persist(any());
        verify(broker, never()).createCertificateAccount(anyString());
        verify(broker, never()).createPinnedAccount(anyString(), anyString());
    }

    @Test
    void pageBeyondTheLastPossibleOneIsInvalidAndNotQueried() {
        var e = assertThrows(InvalidRequestException.class, () -> service.list(Integer.MAX_VALUE, 500));
        assertTrue(e.getMessage().contains("page must be at most 4294967"), e.getMessage());
        verify(em, never()).createQuery(anyString(), any());
    }

    @Test
    void certificateLargerThanItsLimitTouchesNothing() throws IOException {
        String large = certificate("rsa-2048.pem") + "\n".repeat(RequestLimits.DEFAULT_MAX_CERTIFICATE_BYTES);

        var e = assertThrows(ContentTooLargeException.class, () -> service.provision("boiler-42",
                ProvisioningType.SELF_SIGNED, null, large));

        assertEquals(413, e.status());
        verify(em, never()).persist(any());
        verify(broker, never()).createPinnedAccount(anyString(), anyString());
    }

    @Test
    void certificateBelongsToSelfSignedProvisioningOnly() throws IOException {
        String pem = certificate("rsa-2048.pem");
        for (ProvisioningType type : List.of(ProvisioningType.PASSWORD, ProvisioningType.CERTIFICATE)) {
            var e = assertThrows(InvalidRequestException.class, () -> service.provision("boiler", type, null, pem));
            assertTrue(e.getMessage().contains("certificate is only for provisioning 'self-signed'"), e.getMessage());
        }
        var e = assertThrows(InvalidRequestException.class,
                () -> service.provision("boiler", ProvisioningType.SELF_SIGNED, "cn", pem));
        assertTrue(e.getMessage().contains("commonName is only for provisioning 'certificate'"), e.getMessage());
        verify(em, never()).persist(any());
    }

    private static String certificate(String fixture) throws IOException {
        try (InputStream in = ProvisioningServiceTest.class.getResourceAsStream("certificates/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
