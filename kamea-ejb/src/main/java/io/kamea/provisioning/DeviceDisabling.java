package io.kamea.provisioning;

import io.kamea.broker.BrokerAccounts;
import io.kamea.provisioning.bans.BanList;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * Disables and enables devices. A disabled device keeps everything (broker user and its password
 * or pin, configurations, commands, data) but cannot connect: its broker account loses its vhost
 * permissions and its open connections are closed ({@link BrokerAccounts#revokeAccess}); the
 * broker's questions about a device without account are answered no (io.kamea.brokerauth).
 *
 * <p>Database and broker move together as in {@link ProvisioningService}: the row changes first,
 * under a row lock that orders concurrent calls on one device, then the broker; a broker that
 * refuses rolls the row back, and a transaction that does not commit undoes the broker's change.
 * Both calls are idempotent: disabling a disabled device takes its permissions away again (a
 * broker that let it in is repaired), enabling an enabled one changes nothing.
 */
@Stateless
public class DeviceDisabling {

    private static final Logger LOG = Logger.getLogger(DeviceDisabling.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    BrokerAccounts broker;

    @Inject
    BanList bans;

    @Resource
    TransactionSynchronizationRegistry transaction;

    Clock clock = Clock.systemUTC();

    public Device disable(String id) {
        Device device = locked(id);
        String login = device.getInterfaceName();
        if (!device.isDisabled()) {
            device.disable(OffsetDateTime.now(clock));
            em.flush();
            if (device.hasBrokerAccount()) {
                Rollbacks.undoOnRollback(transaction, () -> broker.restoreAccessQuietly(login));
            }
            LOG.info(() -> "Disabled device " + login + " (" + device.getId() + ")");
        }
        broker.revokeAccess(login);
        return device;
    }

    /**
     * Lets the device connect again with the credentials it had. Refused (409) while its common
     * name or its self-signed certificate is banned: a device account logs in without asking
     * Kamea, so a banned name would get in again (a banned certificate is refused by the broker's
     * guard in any case).
     */
    public Device enable(String id) {
        Device device = locked(id);
        if (!device.isDisabled()) {
            return device;
        }
        DeviceCertificate certificate = device.getCertificate();
        bans.refuseBanned(device.getInterfaceName(), certificate == null ? null : certificate.getFingerprintSha256());
        String login = device.getInterfaceName();
        device.enable();
        em.flush();
        if (device.hasBrokerAccount()) {
            Rollbacks.undoOnRollback(transaction, () -> broker.revokeAccessQuietly(login));
            broker.restoreAccess(login);
        }
        LOG.info(() -> "Enabled device " + login + " (" + device.getId() + ")");
        return device;
    }

    private Device locked(String id) {
        Device device = id == null ? null : em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (device == null) {
            throw new DeviceNotFoundException(id);
        }
        return device;
    }
}
