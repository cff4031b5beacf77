package io.kamea.provisioning;

import io.kamea.broker.BrokerAccounts;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Devices that declare themselves: a device whose certificate the broker accepted (its CA is
 * whitelisted) but whose common name Kamea does not know is created on its first connection,
 * named after that common name. It gets a broker account of its own once active, so that its later
 * connections no longer need Kamea; until then, and while it is pending approval, the broker asks
 * Kamea about each of its rights (io.kamea.brokerauth).
 */
@Stateless
public class AutoProvisioning {

    private static final Logger LOG = Logger.getLogger(AutoProvisioning.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    BrokerAccounts broker;

    @Inject
    AutoProvisioningSettings settings;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** The device the broker knows by this name (its login), if any. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Device> byInterfaceName(String interfaceName) {
        return em.createQuery(Queries.DEVICE_BY_INTERFACE_NAME, Device.class)
                .setParameter("interfaceName", interfaceName)
                .getResultStream()
                .findFirst();
    }

    /**
     * Creates the device of a {@link CommonNames#valid valid} common name, committed on return.
     * Its own transaction, because two first connections of the same device may race: the
     * database's unique interface name lets one insert through and fails the other with a
     * {@link DuplicateDeviceException}, after which the loser finds the winner's device. The same
     * exception comes when another device already has this name. An active device gets its broker
     * account now, a pending one when approved.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Device register(String commonName) {
        String cn = CommonNames.valid(commonName);
        DeviceStatus status = settings.approvalRequired() ? DeviceStatus.PENDING : DeviceStatus.ACTIVE;
        Device device = Device.autoProvisioned(cn, status);
        em.persist(device);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw DuplicateDeviceException.commonName(cn);
        }
        if (status == DeviceStatus.ACTIVE) {
            createAccount(device);
        }
        LOG.info(() -> "Auto-provisioned device " + cn + " (" + device.getId() + "), " + status.wireName());
        return device;
    }

    /**
     * Lets a pending device publish, and gives it its broker account: its next connections are the
     * broker's own business. A device already active is left as it is. A disabled device is not
     * approved (409): its new account would let it in. The row is locked, as
     * {@link DeviceDisabling} locks it, so that an approval and a disabling of one device follow
     * each other.
     */
    public Device approve(String id) {
        Device device = id == null ? null : em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (device == null) {
            throw new DeviceNotFoundException(id);
        }
        if (device.isPending() && device.isDisabled()) {
            throw new DeviceDisabledException(id);
        }
        if (device.isPending()) {
            device.activate();
            createAccount(device);
            LOG.info(() -> "Approved device " + device.getInterfaceName() + " (" + device.getId() + ")");
        }
        return device;
    }

    private void createAccount(Device device) {
        String login = device.getInterfaceName();
        Rollbacks.undoOnRollback(transaction, () -> broker.deleteAccountQuietly(login));
        broker.createCertificateAccount(login);
    }
}
