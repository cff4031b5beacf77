package io.kamea.command;

import io.kamea.broker.BrokerAccounts;
import io.kamea.connectivity.ConnectivityService;
import io.kamea.provisioning.Device;
import io.kamea.provisioning.DeviceNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * Writes new commands in transactions of their own: a command must be committed before its
 * request reaches the device, or an immediate answer would find no command to settle.
 */
@Stateless
public class CommandRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    ConnectivityService connectivity;

    @Inject
    BrokerAccounts broker;

    /** A recorded command and the device's interface name, which its request topic needs. */
    public record NewCommand(Command command, String interfaceName) {
    }

    /**
     * Finds the device, tells whether it is offline and records the command, in one transaction:
     * one database round of work per command sent, not one per question.
     */
    public NewCommand create(String deviceId, String name, String payload, OffsetDateTime now, int timeoutSeconds) {
        Device device = deviceId == null ? null : em.find(Device.class, deviceId);
        if (device == null) {
            throw new DeviceNotFoundException(deviceId);
        }
        Command command = new Command(device.getId(), name, payload, now, now.plusSeconds(timeoutSeconds),
                isOffline(device));
        em.persist(command);
        return new NewCommand(command, device.getInterfaceName());
    }

    /**
     * The recorded state answers for connected devices at no cost; "offline" is checked with the
     * broker, since a device that connected less than a second ago may not be recorded yet.
     */
    private boolean isOffline(Device device) {
        return !connectivity.isConnected(device.getId()) && !broker.isConnected(device.getInterfaceName());
    }

    /** Undoes a command whose request could not be sent. */
    public void forget(String commandId) {
        Command command = em.find(Command.class, commandId);
        if (command != null) {
            em.remove(command);
        }
    }
}
