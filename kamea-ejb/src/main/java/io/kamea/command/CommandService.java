package io.kamea.command;

import io.kamea.broker.MqttGateway;
import io.kamea.command.CommandRecords.NewCommand;
import io.kamea.contract.DeviceTopics;
import io.kamea.platform.LogSafe;
import io.kamea.platform.PageRequest;
import io.kamea.platform.RequestLimits;
import io.kamea.provisioning.DeviceDirectory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Sends commands and settles them: a response received before the deadline makes a command
 * succeed, the deadline makes it time out, whichever comes first; a response after that is kept
 * as late. Each transition is one conditional UPDATE, so a response and the deadline cannot both
 * win. Responses reach {@link #settle} through {@link CommandResponses}, which rejects those that
 * cannot be stored.
 */
@Stateless
public class CommandService {

    private static final Logger LOG = Logger.getLogger(CommandService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MqttGateway mqtt;

    @Inject
    CommandDeadlines deadlines;

    @Inject
    CommandRecords records;

    @Inject
    CommandWaiters waiters;

    @Inject
    DeviceDirectory directory;

    @Inject
    Event<CommandCompleted> completed;

    @Inject
    RequestLimits limits;

    Clock clock = Clock.systemUTC();

    /**
     * Records the command (committed at once), arms its deadline, then publishes the request with
     * QoS 1. No database connection is held while waiting for the broker. If the broker does not
     * take the request, the command is removed again (503). A payload larger than
     * {@link RequestLimits#maxCommandBytes()} is refused (413) before anything is recorded.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Command send(String deviceId, String name, String payload, Integer timeoutSeconds) {
        return send(deviceId, name, payload, timeoutSeconds, null);
    }

    /**
     * As {@link #send(String, String, String, Integer)}, and {@code whenSettled} gets the command
     * once its outcome is committed. It is registered before the request leaves, so an answer
     * however quick cannot be missed.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Command send(String deviceId, String name, String payload, Integer timeoutSeconds,
                        Consumer<Command> whenSettled) {
        String validName = CommandNames.valid(name);
        int timeout = CommandNames.validTimeout(timeoutSeconds);
        limits.checkCommandPayload(payload);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        NewCommand created = records.create(deviceId, validName, payload, now, timeout);
        Command command = created.command();
        String id = command.getId();
        if (whenSettled != null) {
            waiters.await(id, whenSettled);
        }
        String topic = DeviceTopics.of(created.interfaceName()).commandRequest(validName, id);
        try {
            mqtt.publish(topic, payload == null ? new byte[0] : payload.getBytes(StandardCharsets.UTF_8), false);
        } catch (RuntimeException e) {
            if (whenSettled != null) {
                waiters.forget(id, whenSettled);
            }
            records.forget(id);
            throw e;
        }
        deadlines.schedule(id, command.getDeadline());
        return command;
    }

    public Command find(String id) {
        Command command = id == null ? null : em.find(Command.class, id);
        if (command == null) {
            throw new CommandNotFoundException(id);
        }
        return command;
    }

    public CommandPage list(String deviceId, int page, int size) {
        var requested = new PageRequest(page, size);
        List<Command> items = requested.applyTo(em.createQuery(
                        "select c from Command c where c.deviceId = :device order by c.createdAt desc, c.id", Command.class)
                        .setParameter("device", deviceId))
                .getResultList();
        long total = em.createQuery("select count(c) from Command c where c.deviceId = :device", Long.class)
                .setParameter("device", deviceId)
                .getSingleResult();
        return new CommandPage(items, page, size, total);
    }

    /**
     * A device answered (its message passed {@link CommandResponses}' checks): succeed if it was
     * received in time, else keep the answer as late. {@code receivedAt} is when the API's session
     * took the message, so an answer tried again after a database failure is judged by when it
     * came, not by when it could be stored. The usual case, an answer in time from the right
     * device, is one UPDATE, then one read of the settled command for the callers waiting on it
     * (not a transaction of their own each).
     *
     * @return {@link ResponseOutcome#SUCCEEDED}, {@link ResponseOutcome#LATE}, or the rejection:
     *         unknown device or command, another device's command, a command that succeeded already
     */
    public ResponseOutcome settle(String interfaceName, String commandId, String body, Instant receivedAt) {
        var device = directory.byInterfaceName(interfaceName);
        if (device.isEmpty()) {
            return ResponseOutcome.UNKNOWN_DEVICE;
        }
        String deviceId = device.get().id();
        OffsetDateTime at = receivedAt.atOffset(ZoneOffset.UTC);
        int succeeded = em.createQuery("update Command c set c.status = :succeeded, c.response = :body, "
                        + "c.completedAt = :at where c.id = :id and c.deviceId = :device and c.status = :pending "
                        + "and c.deadline >= :at")
                .setParameter("succeeded", CommandStatus.SUCCEEDED).setParameter("body", body)
                .setParameter("at", at).setParameter("id", commandId).setParameter("device", deviceId)
                .setParameter("pending", CommandStatus.PENDING)
                .executeUpdate();
        Command command = em.find(Command.class, commandId);
        if (succeeded > 0) {
            completed.fire(new CommandCompleted(commandId, CommandStatus.SUCCEEDED));
            deadlines.cancel(commandId);
            waiters.notifyAfterCommit(command);
            return ResponseOutcome.SUCCEEDED;
        }
        if (command == null) {
            return ResponseOutcome.UNKNOWN_COMMAND;
        }
        if (!command.getDeviceId().equals(deviceId)) {
            return ResponseOutcome.FOREIGN_COMMAND;
        }
        // Also when nothing changes here: the command may have been settled by another server of
        // the cluster (each one reads every response), and this server's callers must learn it.
        waiters.notifyAfterCommit(command);
        if (command.getStatus() == CommandStatus.SUCCEEDED) {
            // this answer again (a QoS 1 redelivery), or another server settled it first
            return ResponseOutcome.ALREADY_SETTLED;
        }
        if (command.isPending()) {
            // Its deadline passed before the answer came, and its timer has not fired yet: time it
            // out as the timer would, so that the answer can be kept as late, not lost.
            timeOut(commandId);
            deadlines.cancel(commandId);
        }
        int late = em.createQuery("update Command c set c.lateResponse = :body, c.lateAt = :at "
                        + "where c.id = :id and c.status = :timedOut")
                .setParameter("body", body).setParameter("at", at).setParameter("id", commandId)
                .setParameter("timedOut", CommandStatus.TIMED_OUT)
                .executeUpdate();
        em.refresh(command);
        if (late == 0) {
            return ResponseOutcome.ALREADY_SETTLED; // it succeeded meanwhile, on another server
        }
        LOG.info(() -> "Late response to command " + LogSafe.quote(commandId) + " kept; its outcome stays");
        return ResponseOutcome.LATE;
    }

    /** The deadline passed: time out if nothing answered. */
    public void expire(String commandId) {
        timeOut(commandId);
        // Also when nothing changed: the command was settled meanwhile, maybe by another server,
        // and callers waiting here must get that outcome now rather than hang.
        Command command = em.find(Command.class, commandId);
        if (command != null) {
            waiters.notifyAfterCommit(command);
        }
    }

    private void timeOut(String commandId) {
        int expired = em.createQuery("update Command c set c.status = :timedOut, c.completedAt = :now "
                        + "where c.id = :id and c.status = :pending")
                .setParameter("timedOut", CommandStatus.TIMED_OUT)
                .setParameter("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .setParameter("id", commandId)
                .setParameter("pending", CommandStatus.PENDING)
                .executeUpdate();
        if (expired > 0) {
            completed.fire(new CommandCompleted(commandId, CommandStatus.TIMED_OUT));
        }
    }

    /** Pending commands, for re-arming their deadlines when the application starts. */
    public List<Object[]> pendingDeadlines() {
        return em.createQuery("select c.id, c.deadline from Command c where c.status = :pending", Object[].class)
                .setParameter("pending", CommandStatus.PENDING)
                .getResultList();
    }
}
