package io.kamea.provisioning;

import io.kamea.broker.BrokerAccounts;
import io.kamea.platform.InvalidRequestException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Provisions and removes devices. A device and its broker account are made and unmade together:
 * if the broker refuses, the device row rolls back; if the database does not commit, the broker
 * account is removed again.
 */
@Stateless
public class ProvisioningService {

    static final int MAX_NAME_LENGTH = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    BrokerAccounts broker;

    @Inject
    DeviceDirectory directory;

    @Resource
    TransactionSynchronizationRegistry transaction;

    public ProvisionedDevice provision(String name, ProvisioningType type) {
        String cleanName = validName(name);
        if (!em.createQuery(Queries.DEVICE_BY_NAME, Device.class).setParameter("name", cleanName)
                .getResultList().isEmpty()) {
            throw new DuplicateDeviceException(cleanName);
        }
        Device device = switch (type) {
            case PASSWORD -> Device.withPassword(cleanName);
        };
        em.persist(device);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Another request took the name between our check and our insert.
            throw new DuplicateDeviceException(cleanName);
        }
        String login = device.getInterfaceName();
        undoOnRollback(() -> broker.deleteAccountQuietly(login));
        String password = PasswordGenerator.generate();
        broker.createPasswordAccount(login, password);
        return new ProvisionedDevice(device, login, password);
    }

    public Device find(String id) {
        Device device = id == null ? null : em.find(Device.class, id);
        if (device == null) {
            throw new DeviceNotFoundException(id);
        }
        return device;
    }

    public DevicePage list(int page, int size) {
        return list(page, size, null);
    }

    /**
     * One page of devices, newest first; with {@code connected} non-null, only the devices whose
     * connectivity (io.kamea.connectivity) is that (a device never seen counts as disconnected).
     */
    public DevicePage list(int page, int size, Boolean connected) {
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidRequestException("page must be >= 0 and size between 1 and 500");
        }
        String pageQuery = connected == null ? Queries.DEVICE_PAGE
                : connected ? Queries.CONNECTED_DEVICE_PAGE : Queries.DISCONNECTED_DEVICE_PAGE;
        String countQuery = connected == null ? Queries.DEVICE_COUNT
                : connected ? Queries.CONNECTED_DEVICE_COUNT : Queries.DISCONNECTED_DEVICE_COUNT;
        var items = em.createQuery(pageQuery, Device.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        long total = em.createQuery(countQuery, Long.class).getSingleResult();
        return new DevicePage(items, page, size, total);
    }

    /** Removes the broker account first (which ends the device's sessions), then the device. */
    public void deprovision(String id) {
        Device device = find(id);
        broker.deleteAccount(device.getInterfaceName());
        em.remove(device);
        directory.forget(device.getInterfaceName());
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("name is required");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidRequestException("name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    private void undoOnRollback(Runnable undo) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    undo.run();
                }
            }
        });
    }
}
