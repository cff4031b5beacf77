package io.kamea.brokerauth;

import io.kamea.broker.BrokerSettings;
import io.kamea.broker.ServiceAccounts;
import io.kamea.contract.DevicePermissions;
import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.LogSafe;
import io.kamea.provisioning.AutoProvisioning;
import io.kamea.provisioning.AutoProvisioningSettings;
import io.kamea.provisioning.CommonNames;
import io.kamea.provisioning.Device;
import io.kamea.provisioning.ProvisioningType;
import io.kamea.provisioning.bans.BanList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What Kamea answers when RabbitMQ asks its HTTP backend. The broker asks only after its internal
 * database refused a login, and then asks the same backend about everything that connection does;
 * so the only logins allowed here are those of auto-provisioned devices, and every right is the
 * one a device's own broker account would give it ({@link DevicePermissions}), minus publishing
 * while the device waits for approval. A disabled device and a banned common name get nothing.
 */
@ApplicationScoped
public class BrokerAuthorization {

    private static final Logger LOG = Logger.getLogger(BrokerAuthorization.class.getName());

    @Inject
    AutoProvisioning devices;

    @Inject
    BrokerSettings broker;

    @Inject
    AutoProvisioningSettings autoProvisioning;

    @Inject
    ServiceAccounts serviceAccounts;

    @Inject
    BanList bans;

    /**
     * A login the internal database refused. With a certificate the broker has already checked
     * the chain up to a whitelisted CA and sends the common name alone, without password; a
     * password login (wrong password, unknown login) always comes with one and stays refused. An
     * unknown common name becomes a device, unless it is banned; two first connections racing for
     * it make one device.
     */
    public boolean mayLogIn(String username, boolean withPassword) {
        if (username == null || serviceAccounts.isServiceName(username)) {
            LOG.fine(() -> "Broker login refused to service account " + LogSafe.quote(username));
            return false;
        }
        if (withPassword) {
            LOG.fine(() -> "Broker login with a password refused to " + LogSafe.quote(username));
            return false;
        }
        if (!isValidCommonName(username)) {
            LOG.fine(() -> "Broker login refused to " + LogSafe.quote(username) + ": not a valid common name");
            return false;
        }
        if (bans.ofCommonName(username).isPresent()) {
            LOG.fine(() -> "Broker login refused to " + LogSafe.quote(username) + ": common name banned");
            return false;
        }
        Optional<Device> known = devices.byInterfaceName(username);
        if (known.isPresent()) {
            return mayLogInAs(known.get());
        }
        if (!autoProvisioning.enabled()) {
            LOG.fine(() -> "Broker login refused to unknown " + LogSafe.quote(username) + ": auto-provisioning is off");
            return false;
        }
        try {
            devices.register(username);
            return true;
        } catch (RuntimeException e) {
            // Most often another connection of the same device registered it first.
            Optional<Device> registered = devices.byInterfaceName(username);
            if (registered.isPresent()) {
                return mayLogInAs(registered.get());
            }
            LOG.warning(() -> "Cannot auto-provision " + LogSafe.quote(username) + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * The devices' virtual host, for a device Kamea knows, over MQTT only: the broker sends the
     * client id of an MQTT connection and none for AMQP, which a device has no use for and which
     * would escape the client-id rule. A device's client id is its login (the broker would
     * otherwise close whichever connection held that id, Kamea's own session included), so any
     * other is refused here, before the broker takes the id over.
     */
    public boolean mayEnter(String username, String vhost, String clientId) {
        if (clientId == null) {
            LOG.warning(() -> "Connection refused to device " + LogSafe.quote(username) + ": devices speak MQTT only");
            return false;
        }
        if (!clientId.equals(username)) {
            LOG.warning(() -> "MQTT connection refused to device " + LogSafe.quote(username) + ": client id "
                    + LogSafe.quote(clientId) + " is not its login");
            return false;
        }
        return device(username, vhost).isPresent();
    }

    /** A queue or exchange: what the device's own account would allow. */
    public boolean mayUseResource(String username, String vhost, String kind, String name, String permission) {
        return device(username, vhost)
                .map(d -> DevicePermissions.of(d.getInterfaceName()).allowsResource(kind, name, permission))
                .orElse(false);
    }

    /**
     * A publication ({@code write}) or subscription ({@code read}) with this routing key: what the
     * device's own account would allow, and no publication while it is pending.
     */
    public boolean mayUseTopic(String username, String vhost, String exchange, String routingKey, String permission) {
        return device(username, vhost)
                .filter(d -> !(d.isPending() && "write".equals(permission)))
                .map(d -> DevicePermissions.of(d.getInterfaceName()).allowsTopic(exchange, routingKey, permission))
                .orElse(false);
    }

    /**
     * Only auto-provisioned devices log in here. Any other device has its own broker account; if
     * the internal database refused it, so do we. A disabled device is refused.
     */
    private static boolean mayLogInAs(Device device) {
        if (device.isDisabled()) {
            LOG.fine(() -> "Broker login refused to " + device.getInterfaceName() + ": disabled");
            return false;
        }
        boolean auto = device.getProvisioning() == ProvisioningType.AUTO;
        if (!auto) {
            LOG.fine(() -> "Broker login refused to " + device.getInterfaceName() + ": provisioned "
                    + device.getProvisioning().wireName() + ", not auto");
        }
        return auto;
    }

    /** The enabled device of that login in our vhost: a disabled one may do nothing. */
    private Optional<Device> device(String username, String vhost) {
        if (username == null || !broker.vhost().equals(vhost)) {
            return Optional.empty();
        }
        return devices.byInterfaceName(username).filter(d -> !d.isDisabled());
    }

    private static boolean isValidCommonName(String username) {
        try {
            CommonNames.valid(username);
            return true;
        } catch (InvalidRequestException e) {
            return false;
        }
    }
}
