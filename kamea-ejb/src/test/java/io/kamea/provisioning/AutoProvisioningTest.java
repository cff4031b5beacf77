package io.kamea.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.broker.BrokerAccounts;
import io.kamea.platform.InvalidRequestException;
import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Devices that declare themselves: what is created, when they get their broker account. */
class AutoProvisioningTest {

    private final AutoProvisioning auto = new AutoProvisioning();
    private final EntityManager em = mock(EntityManager.class);
    private final BrokerAccounts broker = mock(BrokerAccounts.class);
    private final TransactionSynchronizationRegistry transaction = mock(TransactionSynchronizationRegistry.class);

    private static AutoProvisioningSettings settings(Map<String, String> values) {
        return StartupSettings.read(AutoProvisioningSettings::new, SettingSource.of(values));
    }

    @BeforeEach
    void wire() {
        auto.em = em;
        auto.broker = broker;
        auto.settings = settings(Map.of());
        auto.transaction = transaction;
    }

    @Test
    void deviceIsNamedAfterItsCommonNameAndGetsItsAccountOnceItsRowIsWritten() {
        Device device = auto.register("sensor-17");

        assertEquals("sensor-17", device.getName());
        assertEquals("sensor-17", device.getInterfaceName());
        assertEquals(ProvisioningType.AUTO, device.getProvisioning());
        assertEquals(DeviceStatus.ACTIVE, device.getStatus());
        var order = inOrder(em, transaction, broker);
        order.verify(em).persist(device);
        order.verify(em).flush();
        order.verify(transaction).registerInterposedSynchronization(any());
        order.verify(broker).createCertificateAccount("sensor-17");
    }

    @Test
    void withApprovalTheDeviceWaitsPendingAndWithoutAccount() {
        auto.settings = settings(Map.of(AutoProvisioningSettings.APPROVAL, "true"));

        Device device = auto.register("sensor-17");

        assertEquals(DeviceStatus.PENDING, device.getStatus());
        verify(em).persist(device);
        verify(broker, never()).createCertificateAccount(anyString());
    }

    @Test
    void secondRegistrationOfTheSameCommonNameIsADuplicate() {
        doThrow(new PersistenceException("unique violation")).when(em).flush();

        assertThrows(DuplicateDeviceException.class, () -> auto.register("sensor-17"));
        verify(broker, never()).createCertificateAccount(anyString());
    }

    @Test
    void invalidCommonNameIsRefusedBeforeAnythingIsWritten() {
        assertThrows(InvalidRequestException.class, () -> auto.register("a.b"));
        verify(em, never()).persist(any());
    }

    @Test
    void accountIsRemovedIfTheDeviceDoesNotCommit() {
        auto.register("sensor-17");
        var undo = ArgumentCaptor.forClass(Synchronization.class);
        verify(transaction).registerInterposedSynchronization(undo.capture());

        undo.getValue().afterCompletion(Status.STATUS_ROLLEDBACK);

        verify(broker).deleteAccountQuietly("sensor-17");
    }

    @Test
    void approvalActivatesAPendingDeviceAndGivesItItsAccount() {
        Device pending = Device.autoProvisioned("sensor-17", DeviceStatus.PENDING);
        when(em.find(Device.class, pending.getId(), LockModeType.PESSIMISTIC_WRITE)).thenReturn(pending);

        Device approved = auto.approve(pending.getId());

        assertSame(pending, approved);
        assertEquals(DeviceStatus.ACTIVE, approved.getStatus());
        verify(broker).createCertificateAccount("sensor-17");
    }

    @Test
    void approvingAnActiveDeviceChangesNothing() {
        Device active = Device.withPassword("boiler");
        when(em.find(Device.class, active.getId(), LockModeType.PESSIMISTIC_WRITE)).thenReturn(active);

        assertEquals(DeviceStatus.ACTIVE, auto.approve(active.getId()).getStatus());
        verify(broker, never()).createCertificateAccount(anyString());
    }

    @Test
    void aDisabledPendingDeviceIsNotApprovedForItsNewAccountWouldLetItIn() {
        Device pending = Device.autoProvisioned("sensor-17", DeviceStatus.PENDING);
        pending.disable(OffsetDateTime.parse("2030-01-01T00:00:00Z"));
        when(em.find(Device.class, pending.getId(), LockModeType.PESSIMISTIC_WRITE)).thenReturn(pending);

        var refused = assertThrows(DeviceDisabledException.class, () -> auto.approve(pending.getId()));

        assertEquals(409, refused.status());
        assertEquals(DeviceStatus.PENDING, pending.getStatus());
        verify(broker, never()).createCertificateAccount(anyString());
    }

    @Test
    void approvingAnUnknownDeviceIsNotFound() {
        assertThrows(DeviceNotFoundException.class, () -> auto.approve("nope"));
        assertThrows(DeviceNotFoundException.class, () -> auto.approve(null));
    }
}
