package io.kamea.broker;

import io.kamea.contract.DevicePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Device accounts on the broker. RabbitMQ's topic authorisation lets everything through for a
 * user without topic permissions, so an account is never usable before it has them.
 *
 * <p>Every device account carries the tag {@value #DEVICE_TAG}; Kamea's broker plugin
 * (server-config/rabbitmq/kamea_guard) lets only such users log in with a certificate and holds
 * them to their own MQTT client id, and Kamea never replaces a broker user without it (an
 * operator's account, the administrator): {@link ReservedNameException}. A self-signed device's
 * account also carries {@code kamea-pin-<SHA-256 of its certificate>}, which the plugin's TLS check
 * compares with the certificate the device presents: the pin comes and goes with the account, so
 * the broker knows it the moment the account exists.
 */
@ApplicationScoped
public class BrokerAccounts {

    private static final Logger LOG = Logger.getLogger(BrokerAccounts.class.getName());

    @Inject
    RabbitManagementApi api;

    @Inject
    BrokerSettings settings;

    /** The tag of every broker user Kamea made for a device. */
    public static final String DEVICE_TAG = "kamea-device";

    /** The tag that pins a self-signed device's certificate, by its SHA-256 fingerprint (lower-case hex). */
    static String pinTag(String sha256Hex) {
        return "kamea-pin-" + sha256Hex;
    }

    /**
     * The account of a password device: confined first (see {@link #createConfinedAccount}), then
     * given its password.
     */
    public void createPasswordAccount(String login, String password) {
        BrokerCalls.call("create the account of " + login, () -> {
            createConfinedAccount(login, DEVICE_TAG);
            putUser(login, RabbitManagementApi.User.withPassword(password, DEVICE_TAG));
            return null;
        });
    }

    /**
     * The account of a certificate device, named after the certificate's common name. It never
     * gets a password: the device logs in with its certificate alone.
     */
    public void createCertificateAccount(String login) {
        BrokerCalls.call("create the account of " + login, () -> {
            createConfinedAccount(login, DEVICE_TAG);
            return null;
        });
    }

    /**
     * The account of a self-signed device: a certificate account that also pins the device's
     * certificate ({@code sha256Hex}: the SHA-256 of its DER encoding, hex, any case, colons
     * allowed). The broker accepts that certificate, and no other, from the moment this returns.
     */
    public void createPinnedAccount(String login, String sha256Hex) {
        String fingerprint = fingerprint(sha256Hex);
        BrokerCalls.call("create the account of " + login, () -> {
            createConfinedAccount(login, DEVICE_TAG + "," + pinTag(fingerprint));
            return null;
        });
    }

    /**
     * A user without password, then its topic permissions, then its vhost permissions, in that
     * order. A user without password can still log in with a certificate (EXTERNAL, or the MQTT
     * plugin's ssl_cert_login: the broker only checks that the user exists) as soon as it exists,
     * and RabbitMQ refuses permissions for a user that does not exist yet, so the user must come
     * first. What keeps the window shut is that a user without vhost permissions cannot open a
     * connection at all (access to the vhost is checked at connect), and the vhost permissions
     * come last, when the topic permissions are already there.
     */
    private void createConfinedAccount(String login, String tags) {
        DevicePermissions permissions = DevicePermissions.of(login);
        putUser(login, RabbitManagementApi.User.withoutPassword(tags));
        api.putTopicPermissions(settings.vhost(), login, RabbitManagementApi.TopicPermissions.of(permissions.topics()));
        api.putPermissions(settings.vhost(), login, RabbitManagementApi.Permissions.of(permissions.resources()));
    }

    /**
     * Removes the account, which makes RabbitMQ drop the sessions it has open, then what could
     * outlive it: a connection the broker was still setting up, the connections of a device that
     * never had an account (a pending auto-provisioned device) and the durable queue of the
     * device's persistent MQTT session. An account that does not exist is no error.
     */
    public void deleteAccount(String login) {
        BrokerCalls.call("delete the account of " + login, () -> {
            deleteUser(login);
            // Also what RabbitMQ does not close with the user: a connection it was still setting
            // up, or one authenticated by Kamea (auto-provisioned device), which has no user.
            api.closeConnectionsOf(login);
            ignoringNotFound(() -> api.deleteQueue(settings.vhost(), DevicePermissions.sessionQueue(login)));
            return null;
        });
    }

    /**
     * Shuts a device out without removing anything of it: takes its vhost permissions away, so
     * that the broker refuses its next connections at vhost access (password and certificate
     * logins alike: CONNACK 5, not authorised), then closes the connections it has open, which
     * RabbitMQ leaves alone when permissions change. Its user, password or pin and topic
     * permissions stay: {@link #restoreAccess} lets it in again as it was. A login without
     * account (a pending auto-provisioned device) is no error: only its connections are closed.
     */
    public void revokeAccess(String login) {
        BrokerCalls.call("shut out " + login, () -> {
            ignoringNotFound(() -> api.deletePermissions(settings.vhost(), login));
            api.closeConnectionsOf(login);
            return null;
        });
    }

    /**
     * Gives an existing account its permissions back, topic permissions before vhost permissions
     * as at creation (see {@link #createConfinedAccount}), so it is never let in unconfined.
     */
    public void restoreAccess(String login) {
        BrokerCalls.call("let " + login + " in again", () -> {
            DevicePermissions permissions = DevicePermissions.of(login);
            api.putTopicPermissions(settings.vhost(), login, RabbitManagementApi.TopicPermissions.of(permissions.topics()));
            api.putPermissions(settings.vhost(), login, RabbitManagementApi.Permissions.of(permissions.resources()));
            return null;
        });
    }

    /** Closes the account's open connections; it may connect again. */
    public void closeConnections(String login) {
        BrokerCalls.call("close the connections of " + login, () -> {
            api.closeConnectionsOf(login);
            return null;
        });
    }

    /** Best effort, for undoing an enabling that did not commit. */
    public void revokeAccessQuietly(String login) {
        quietly("shut out " + login + " again", () -> revokeAccess(login));
    }

    /** Best effort, for undoing a disabling that did not commit. */
    public void restoreAccessQuietly(String login) {
        quietly("give " + login + " its permissions back", () -> restoreAccess(login));
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
        quietly("remove the broker account " + login, () -> deleteAccount(login));
    }

    private static void quietly(String what, Runnable undo) {
        try {
            undo.run();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not " + what + ": " + e.getMessage());
        }
    }

    /**
     * Creates or updates the user. RabbitMQ 3.10 answers 400 ("user already exists") when it took
     * an update of an existing user for a creation (seen once in 10,000 provisionings under load,
     * two requests 4 ms apart): the user is there, so the update is sent once more.
     */
    private void putUser(String login, RabbitManagementApi.User user) {
        try {
            api.putUser(login, user);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400 || !userExists(login)) {
                throw e;
            }
            LOG.info(() -> "The broker answered 400 to creating or updating the existing user " + login + "; sent again");
            api.putUser(login, user);
        }
    }

    /**
     * The broker users without the {@value #DEVICE_TAG} tag: accounts of devices made before Kamea
     * tagged them, among Kamea's and operators' own (the caller tells them apart).
     */
    public List<RabbitManagementApi.ExistingUser> untaggedUsers() {
        return BrokerCalls.call("list the broker's users", () -> api.users().stream()
                .filter(u -> u.tags() == null || !u.tags().contains(DEVICE_TAG))
                .toList());
    }

    /**
     * Tags an existing device account as a device (and pins its certificate when
     * {@code sha256Hex} is not null), keeping its password hash. For accounts made before Kamea
     * tagged them: without the tag, the broker's guard refuses their certificate logins.
     */
    public void tagAsDevice(RabbitManagementApi.ExistingUser user, String sha256Hex) {
        String tags = sha256Hex == null ? DEVICE_TAG : DEVICE_TAG + "," + pinTag(fingerprint(sha256Hex));
        BrokerCalls.call("tag the account of " + user.name(), () -> {
            putUser(user.name(), RabbitManagementApi.User.retagged(user, tags));
            return null;
        });
    }

    /**
     * Throws {@link ReservedNameException} when a broker user of that name exists and is not a
     * Kamea device (no {@value #DEVICE_TAG} tag): it is an operator's or Kamea's own account, and
     * replacing it would take its password and rights away (a CN of {@code kamea-admin} once
     * emptied the administrator's password hash this way). A device user left over from an
     * earlier device of that name is Kamea's and may be replaced. Call it before anything that
     * would remove the account again on failure.
     */
    public void claimForDevice(String login) {
        BrokerCalls.call("look up the broker user " + login, () -> {
            refuseForeignUser(login);
            return null;
        });
    }

    /** Lower-case hex without separators, as the broker's guard computes it. */
    private static String fingerprint(String sha256Hex) {
        String fingerprint = sha256Hex.replace(":", "").toLowerCase(Locale.ROOT);
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: " + sha256Hex);
        }
        return fingerprint;
    }

    private void refuseForeignUser(String login) {
        RabbitManagementApi.ExistingUser existing;
        try {
            existing = api.user(login);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return;
            }
            throw e;
        }
        if (existing == null || existing.tags() == null || !existing.tags().contains(DEVICE_TAG)) {
            throw new ReservedNameException(login);
        }
    }

    private void deleteUser(String login) {
        try {
            api.deleteUser(login);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            // RabbitMQ 3.10 answers 500 (no_such_user) when the user vanished during the call.
            if (status != 404 && !(status == 500 && !userExists(login))) {
                throw e;
            }
        }
    }

    private boolean userExists(String login) {
        try {
            api.user(login);
            return true;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return false;
            }
            throw e;
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
}
