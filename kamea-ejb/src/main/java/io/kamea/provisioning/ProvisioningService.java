package io.kamea.provisioning;

import io.kamea.broker.BrokerAccounts;
import io.kamea.broker.MqttGateway;
import io.kamea.broker.ServiceAccounts;
import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.PageRequest;
import io.kamea.platform.RequestLimits;
import io.kamea.provisioning.bans.BanList;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;

/**
 * Provisions and removes devices. A device and its broker account are made and unmade together:
 * if the broker refuses, the device row rolls back; if the database does not commit, the broker
 * account is removed again. A self-signed device's certificate is pinned on its broker account
 * (see {@link BrokerAccounts}), so it comes and goes with it. No device takes the name of one of
 * Kamea's own broker accounts ({@link ServiceAccounts}) or of a broker user Kamea did not make,
 * nor a banned common name or certificate (io.kamea.provisioning.bans).
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

    @Inject
    ServiceAccounts serviceAccounts;

    @Inject
    MqttGateway mqtt;

    @Inject
    BanList bans;

    @Inject
    RequestLimits limits;

    Clock clock = Clock.systemUTC();

    @Resource
    TransactionSynchronizationRegistry transaction;

    public ProvisionedDevice provision(String name, ProvisioningType type) {
        return provision(name, type, null);
    }

    public ProvisionedDevice provision(String name, ProvisioningType type, String commonName) {
        return provision(name, type, commonName, null);
    }

    /**
     * Provisions a device. With {@link ProvisioningType#PASSWORD} Kamea makes up the interface
     * name and the password, shown this once; with {@link ProvisioningType#CERTIFICATE} the
     * interface name is {@code commonName} (the CN of the device's certificate) and there are no
     * credentials to show; with {@link ProvisioningType#SELF_SIGNED} it is the CN of
     * {@code certificate} (PEM, see {@link SelfSignedCertificates}), which the broker accepts
     * from that device alone, by its SHA-256 fingerprint, as soon as this method returned.
     */
    public ProvisionedDevice provision(String name, ProvisioningType type, String commonName, String certificate) {
        if (!type.requestable()) {
            throw new InvalidRequestException("Provisioning '" + type.wireName()
                    + "' is not asked for: such devices create themselves by connecting (see auto-provisioning)");
        }
        String cleanName = validName(name);
        if (type != ProvisioningType.CERTIFICATE && commonName != null) {
            throw new InvalidRequestException("commonName is only for provisioning 'certificate'");
        }
        if (type != ProvisioningType.SELF_SIGNED && certificate != null) {
            throw new InvalidRequestException("certificate is only for provisioning 'self-signed'");
        }
        SelfSignedCertificates.Accepted uploaded = type == ProvisioningType.SELF_SIGNED
                ? SelfSignedCertificates.validate(certificate, limits, clock.instant()) : null;
        String cn = switch (type) {
            case CERTIFICATE -> CommonNames.valid(commonName);
            case SELF_SIGNED -> uploaded.commonName();
            default -> null;
        };
        if (cn != null) {
            serviceAccounts.refuseServiceName(cn);
            bans.refuseBanned(cn, uploaded == null ? null : uploaded.certificate().getFingerprintSha256());
        }
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
            case SELF_SIGNED -> Device.withSelfSignedCertificate(cleanName, cn, uploaded.certificate());
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
        if (cn != null) {
            // before the undo below: a user that is not ours is never removed on a rollback
            broker.claimForDevice(login);
        }
        undoOnRollback(() -> broker.deleteAccountQuietly(login));
        if (uploaded != null) {
            broker.createPinnedAccount(login, uploaded.certificate().getFingerprintSha256());
            return new ProvisionedDevice(device, null, null);
        }
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
        return list(page, size, null, null);
    }

    /**
     * One page of devices, newest first; with {@code connected} non-null, only the devices whose
     * connectivity (io.kamea.connectivity) is that (a device never seen counts as disconnected);
     * with {@code search} non-blank, only those whose name or interface name contains it,
     * ignoring case.
     */
    public DevicePage list(int page, int size, Boolean connected, String search) {
        return list(page, size, connected, search, null);
    }

    /** As {@link #list(int, int, Boolean, String)}, and with {@code status} non-null only devices in that status. */
    public DevicePage list(int page, int size, Boolean connected, String search, DeviceStatus status) {
        return list(page, size, new DeviceListing(connected, search, status, null));
    }

    /** One page of devices, newest first, among those that pass every filter of {@code listing}. */
    public DevicePage list(int page, int size, DeviceListing listing) {
        var requested = new PageRequest(page, size);
        var items = requested.applyTo(listing.bind(em.createQuery(listing.pageQuery(), Device.class)))
                .getResultList();
        long total = listing.bind(em.createQuery(listing.countQuery(), Long.class)).getSingleResult();
        return new DevicePage(items, page, size, total);
    }

    /**
     * Clears the device's retained desired configuration first (the next device given this name
     * must not receive it: if the broker does not take that, nothing else happened, 503), then
     * removes the broker account (which ends the device's sessions and, for a self-signed device,
     * unpins its certificate), then the device.
     */
    public Device deprovision(String id) {
        // Locked: a desired configuration published for this device meanwhile (a PUT, a
        // re-publication on reconnection, which lock the row too) must reach the broker before
        // the clearing, not after it.
        Device device = id == null ? null : em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (device == null) {
            throw new DeviceNotFoundException(id);
        }
        String login = device.getInterfaceName();
        if (mqtt.enabled()) {
            mqtt.clearRetained(device.topics().desiredConfiguration());
        }
        broker.deleteAccount(login);
        em.remove(device);
        directory.forget(login);
        return device;
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
