package io.kamea.provisioning;

import io.kamea.broker.BrokerAccounts;
import io.kamea.platform.InvalidRequestException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

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
        return provision(name, type, null);
    }

    /**
     * Provisions a device. With {@link ProvisioningType#PASSWORD} Kamea makes up the interface
     * name and the password, shown this once; with {@link ProvisioningType#CERTIFICATE} the
     * interface name is {@code commonName} (the CN of the device's certificate) and there are no
     * credentials to show.
     */
    public ProvisionedDevice provision(String name, ProvisioningType type, String commonName) {
        if (!type.requestable()) {
            throw new InvalidRequestException("Provisioning '" + type.wireName()
                    + "' is not asked for: such devices create themselves by connecting (see auto-provisioning)");
        }
        String cleanName = validName(name);
        if (type != ProvisioningType.CERTIFICATE && commonName != null) {
            throw new InvalidRequestException("commonName is only for provisioning 'certificate'");
        }
        String cn = type == ProvisioningType.CERTIFICATE ? CommonNames.valid(commonName) : null;
        if (!em.createQuery(Queries.DEVICE_BY_NAME, Device.class).setParameter("name", cleanName)
                .getResultList().isEmpty()) {
            throw new DuplicateDeviceException(cleanName);
        }
        if (cn != null && !em.createQuery(Queries.DEVICE_BY_INTERFACE_NAME, Device.class)
                .setParameter("interfaceName", cn).getResultList().isEmpty()) {
            throw DuplicateDeviceException.commonName(cn);
        }
        Device device = switch (type) {
            case PASSWORD -> Device.withPassword(cleanName);
            case CERTIFICATE -> Device.withCertificate(cleanName, cn);
            case AUTO -> throw new IllegalStateException("refused above");
        };
        em.persist(device);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Another request took the name (or the common name) between our check and our insert.
            throw cn == null ? new DuplicateDeviceException(cleanName) : DuplicateDeviceException.commonName(cn);
        }
        String login = device.getInterfaceName();
        undoOnRollback(() -> broker.deleteAccountQuietly(login));
        if (cn != null) {
            broker.createCertificateAccount(login);
            return new ProvisionedDevice(device, null, null);
        }
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
        return list(page, size, connected, null);
    }

    /** As {@link #list(int, int, Boolean)}, and with {@code status} non-null only devices in that status. */
    public DevicePage list(int page, int size, Boolean connected, DeviceStatus status) {
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidRequestException("page must be >= 0 and size between 1 and 500");
        }
        List<String> conditions = new ArrayList<>();
        if (connected != null) {
            conditions.add(connected ? Queries.CONNECTED : "not " + Queries.CONNECTED);
        }
        if (status != null) {
            conditions.add(Queries.WITH_STATUS);
        }
        TypedQuery<Device> items = em.createQuery(Queries.devicePage(conditions), Device.class)
                .setFirstResult(page * size)
                .setMaxResults(size);
        TypedQuery<Long> total = em.createQuery(Queries.deviceCount(conditions), Long.class);
        if (status != null) {
            items.setParameter("status", status);
            total.setParameter("status", status);
        }
        return new DevicePage(items.getResultList(), page, size, total.getSingleResult());
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
        Rollbacks.undoOnRollback(transaction, undo);
    }
}
