package io.kamea.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.broker.BrokerAccounts;
import io.kamea.broker.BrokerUnavailableException;
import io.kamea.provisioning.bans.Ban;
import io.kamea.provisioning.bans.BanList;
import io.kamea.provisioning.bans.BannedException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Database and broker move together; these tests pin the order and the undo. */
class DeviceDisablingTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final DeviceDisabling disabling = new DeviceDisabling();
    private final EntityManager em = mock(EntityManager.class);
    private final BrokerAccounts broker = mock(BrokerAccounts.class);
    private final BanList bans = mock(BanList.class);
    private final TransactionSynchronizationRegistry transaction = mock(TransactionSynchronizationRegistry.class);

    @BeforeEach
    void wire() {
        disabling.em = em;
        disabling.broker = broker;
        disabling.bans = bans;
        disabling.transaction = transaction;
        disabling.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void disablingWritesTheRowUnderItsLockThenShutsTheAccountOut() {
        Device device = known(Device.withPassword("boiler"));

        assertSame(device, disabling.disable(device.getId()));

        assertTrue(device.isDisabled());
        assertEquals(NOW, device.getDisabledAt().toInstant());
        var order = inOrder(em, transaction, broker);
        order.verify(em).find(Device.class, device.getId(), LockModeType.PESSIMISTIC_WRITE);
        order.verify(em).flush();
        order.verify(transaction).registerInterposedSynchronization(any());
        order.verify(broker).revokeAccess(device.getInterfaceName());
    }

    @Test
    void aDisablingThatDoesNotCommitGivesThePermissionsBack() {
        Device device = known(Device.withCertificate("boiler", "boiler-cn"));
        disabling.disable(device.getId());
        var undo = ArgumentCaptor.forClass(Synchronization.class);
        verify(transaction).registerInterposedSynchronization(undo.capture());

        undo.getValue().afterCompletion(Status.STATUS_COMMITTED);
        verify(broker, never()).restoreAccessQuietly(anyString());

        undo.getValue().afterCompletion(Status.STATUS_ROLLEDBACK);
        verify(broker).restoreAccessQuietly("boiler-cn");
    }

    @Test
    void aBrokerThatRefusesFailsTheDisablingSoTheRowRollsBack() {
        Device device = known(Device.withPassword("boiler"));
        doThrow(new BrokerUnavailableException("down", null)).when(broker).revokeAccess(anyString());

        assertThrows(BrokerUnavailableException.class, () -> disabling.disable(device.getId()));
    }

    @Test
    void disablingADisabledDeviceShutsItOutAgainAndNeverUndoesThat() {
        Device device = known(Device.withPassword("boiler"));
        OffsetDateTime before = OffsetDateTime.parse("2029-06-01T00:00:00Z");
        device.disable(before);

        disabling.disable(device.getId());

        assertEquals(before, device.getDisabledAt(), "disabled since then still");
        verify(broker).revokeAccess(device.getInterfaceName());
        verify(transaction, never()).registerInterposedSynchronization(any());
    }

    @Test
    void aPendingDeviceHasNoAccountToGiveBackButItsConnectionsAreClosed() {
        Device device = known(Device.autoProvisioned("sensor-17", DeviceStatus.PENDING));

        disabling.disable(device.getId());

        verify(broker).revokeAccess("sensor-17");
        verify(transaction, never()).registerInterposedSynchronization(any());
    }

    @Test
    void enablingGivesThePermissionsBackAndShutsTheDeviceOutAgainIfItDoesNotCommit() {
        Device device = known(Device.withPassword("boiler"));
        device.disable(OffsetDateTime.parse("2029-06-01T00:00:00Z"));

        disabling.enable(device.getId());

        assertFalse(device.isDisabled());
        var order = inOrder(bans, em, transaction, broker);
        order.verify(bans).refuseBanned(device.getInterfaceName(), null);
        order.verify(em).flush();
        var undo = ArgumentCaptor.forClass(Synchronization.class);
        order.verify(transaction).registerInterposedSynchronization(undo.capture());
        order.verify(broker).restoreAccess(device.getInterfaceName());

        undo.getValue().afterCompletion(Status.STATUS_ROLLEDBACK);
        verify(broker).revokeAccessQuietly(device.getInterfaceName());
    }

    @Test
    void enablingAPendingDeviceLeavesItPendingWithoutAccount() {
        Device device = known(Device.autoProvisioned("sensor-17", DeviceStatus.PENDING));
        device.disable(OffsetDateTime.parse("2029-06-01T00:00:00Z"));

        disabling.enable(device.getId());

        assertFalse(device.isDisabled());
        assertTrue(device.isPending());
        verify(broker, never()).restoreAccess(anyString());
    }

    @Test
    void aBannedCommonNameOrCertificateKeepsTheDeviceDisabled() {
        Device device = known(Device.withCertificate("boiler", "boiler-cn"));
        device.disable(OffsetDateTime.parse("2029-06-01T00:00:00Z"));
        doThrow(new BannedException(mock(Ban.class))).when(bans).refuseBanned("boiler-cn", null);

        assertThrows(BannedException.class, () -> disabling.enable(device.getId()));

        assertTrue(device.isDisabled());
        verify(broker, never()).restoreAccess(anyString());
    }

    @Test
    void enablingAnEnabledDeviceChangesNothing() {
        Device device = known(Device.withPassword("boiler"));

        disabling.enable(device.getId());

        verify(em, never()).flush();
        verify(broker, never()).restoreAccess(anyString());
    }

    @Test
    void unknownDeviceIsNotFound() {
        assertThrows(DeviceNotFoundException.class, () -> disabling.disable("nope"));
        assertThrows(DeviceNotFoundException.class, () -> disabling.enable(null));
        verify(broker, never()).revokeAccess(anyString());
    }

    private Device known(Device device) {
        when(em.find(Device.class, device.getId(), LockModeType.PESSIMISTIC_WRITE)).thenReturn(device);
        return device;
    }
}
