package io.kamea.provisioning;

import io.kamea.broker.BrokerAccounts;
import io.kamea.broker.TrustStoreFolder;
import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.PageRequest;
import io.kamea.platform.RequestLimits;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * Provisions and removes devices. A device and its broker account are made and unmade together:
 * if the broker refuses, the device row rolls back; if the database does not commit, the broker
 * account is removed again. The same holds for the trust store file of a self-signed device.
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
    TrustStoreFolder trustStore;

    @Inject
    RetiredCertificates retired;

    @Inject
    RequestLimits limits;

    Clock clock = Clock.systemUTC();

    /** Time the broker may take to read its trust store folder, beyond the refresh interval. */
    static final Duration TRUST_STORE_MARGIN = Duration.ofSeconds(1);

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
     * {@code certificate} (PEM, see {@link SelfSignedCertificates}), which the broker's trust
     * store whitelists. The broker reads its trust store only every refresh interval: call
     * {@link #awaitTrustStore} after this method returned.
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
        undoOnRollback(() -> broker.deleteAccountQuietly(login));
        if (cn != null) {
            broker.createCertificateAccount(login);
            if (uploaded != null) {
                // Last: the account is confined already when the broker first accepts the certificate.
                undoOnRollback(() -> trustStore.removeQuietly(login));
                trustStore.place(login, uploaded.certificate().getPem());
            }
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
        var requested = new PageRequest(page, size);
        var listing = new DeviceListing(connected, search, status);
        var items = requested.applyTo(listing.bind(em.createQuery(listing.pageQuery(), Device.class)))
                .getResultList();
        long total = listing.bind(em.createQuery(listing.countQuery(), Long.class)).getSingleResult();
        return new DevicePage(items, page, size, total);
    }

    /**
     * Removes the broker account first (which ends the device's sessions), then the device and,
     * for a self-signed device, its certificate from the trust store (put back if the removal does
     * not commit). Returns the removed device, for {@link #awaitTrustStore}.
     */
    public Device deprovision(String id) {
        Device device = find(id);
        String login = device.getInterfaceName();
        broker.deleteAccount(login);
        em.remove(device);
        directory.forget(login);
        DeviceCertificate certificate = device.getCertificate();
        if (certificate != null) {
            undoOnRollback(() -> trustStore.placeQuietly(login, certificate.getPem()));
            trustStore.remove(login);
            retired.retire(login, trustStore.refreshInterval().plusSeconds(1));
        }
        return device;
    }

    /**
     * Returns once the broker can have read the trust store change that provisioning or removing
     * this device made (at once for a device without an uploaded certificate). RabbitMQ's trust
     * store plugin re-reads its folder every refresh interval and tells no one when it did (no
     * management API call, no event), so this waits one interval and a margin: by then a refresh
     * that began after the change has ended. Outside any transaction, so nothing is held meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void awaitTrustStore(Device device) {
        if (device.getCertificate() == null) {
            return;
        }
        try {
            Thread.sleep(trustStore.refreshInterval().plus(TRUST_STORE_MARGIN).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
