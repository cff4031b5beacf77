package io.kamea.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Device accounts on the broker. RabbitMQ's topic authorisation lets everything through for a
 * user without topic permissions, so an account gets its permissions before it gets a password:
 * there is no moment when the device can log in unconfined.
 */
@ApplicationScoped
public class BrokerAccounts {

    private static final Logger LOG = Logger.getLogger(BrokerAccounts.class.getName());
    private static final int PAGE_SIZE = 500;

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
     * Removes the account, then closes the connections it still has: deleting a user stops new
     * logins but RabbitMQ does not drop the sessions already open.
     */
    public void deleteAccount(String login) {
        call("delete the account of " + login, () -> {
            try {
                api.deleteUser(login);
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() != 404) {
                    throw e;
                }
            }
            closeConnectionsOf(login);
            return null;
        });
    }

    /** Best effort, for undoing a provisioning that did not commit. */
    public void deleteAccountQuietly(String login) {
        try {
            deleteAccount(login);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Could not remove the broker account " + login);
        }
    }

    private void closeConnectionsOf(String login) {
        int page = 1;
        RabbitManagementApi.ConnectionPage connections;
        do {
            connections = api.connections(settings.vhost(), "name,user", page, PAGE_SIZE);
            for (RabbitManagementApi.Connection connection : connections.items()) {
                if (login.equals(connection.user())) {
                    closeQuietly(connection.name());
                }
            }
            page++;
        } while (page <= connections.page_count());
    }

    private void closeQuietly(String connectionName) {
        try {
            api.closeConnection(connectionName);
        } catch (WebApplicationException e) {
            // Gone already: the client left on its own.
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
