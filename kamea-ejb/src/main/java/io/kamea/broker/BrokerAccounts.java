package io.kamea.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Device accounts on the broker. RabbitMQ's topic authorisation lets everything through for a
 * user without topic permissions, so an account gets its permissions before it gets a password:
 * there is no moment when the device can log in unconfined.
 */
@ApplicationScoped
public class BrokerAccounts {

    private static final Logger LOG = Logger.getLogger(BrokerAccounts.class.getName());

    @Inject
    RabbitManagementApi api;

    @Inject
    BrokerSettings settings;

    public void createPasswordAccount(String login, String password) {
        DevicePermissions permissions = new DevicePermissions(login);
        call("create the account of " + login, () -> {
            api.putUser(login, RabbitManagementApi.User.withoutPassword());
            api.putPermissions(settings.vhost(), login, permissions.resources());
            api.putTopicPermissions(settings.vhost(), login, permissions.topics());
            api.putUser(login, RabbitManagementApi.User.withPassword(password));
            return null;
        });
    }

    /**
     * Removes the account, which makes RabbitMQ drop the sessions it has open, then what could
     * outlive it: a connection the broker was still setting up, and the durable queue of the
     * device's persistent MQTT session.
     */
    public void deleteAccount(String login) {
        call("delete the account of " + login, () -> {
            ignoringNotFound(() -> api.deleteUser(login));
            for (RabbitManagementApi.Connection connection : api.connectionsOf(login)) {
                // 404: gone already, or too young for the management statistics to know it.
                ignoringNotFound(() -> api.closeConnection(connection.name()));
            }
            ignoringNotFound(() -> api.deleteQueue(settings.vhost(), DevicePermissions.sessionQueue(login)));
            return null;
        });
    }

    /**
     * Whether the account has a connection open now. When the broker cannot tell, the answer is
     * yes: a device is never called offline on a guess.
     */
    public boolean isConnected(String login) {
        try {
            return !api.connectionsOf(login).isEmpty();
        } catch (ProcessingException | WebApplicationException e) {
            LOG.warning(() -> "Cannot tell whether " + login + " is connected: " + e.getMessage());
            return true;
        }
    }

    /** Best effort, for undoing a provisioning that did not commit. */
    public void deleteAccountQuietly(String login) {
        try {
            deleteAccount(login);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not remove the broker account " + login + ": " + e.getMessage());
        }
    }

    private static void ignoringNotFound(Runnable call) {
        try {
            call.run();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                throw e;
            }
        }
    }

    private static <T> T call(String what, Supplier<T> calls) {
        try {
            return calls.get();
        } catch (ProcessingException e) {
            throw new BrokerUnavailableException("Cannot reach the broker to " + what, e);
        } catch (WebApplicationException e) {
            throw new BrokerUnavailableException(
                    "The broker refused to " + what + " (HTTP " + e.getResponse().getStatus() + ")", e);
        }
    }
}
