package io.kamea.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.provisioning.DeviceDirectory;
import io.kamea.provisioning.DeviceDirectory.DeviceInfo;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one answer that passed the checks does to its command, and what it is called when it does nothing. */
class CommandServiceSettleTest {

    private static final String ID = "a61a6a71-0c1e-4b6f-9d5e-3f0e2c8b7a10";
    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");

    private final CommandService service = new CommandService();
    private final EntityManager em = mock(EntityManager.class);
    private final Query succeed = mock(Query.class, RETURNS_SELF);
    private final Query keepLate = mock(Query.class, RETURNS_SELF);
    private final Query timeOut = mock(Query.class, RETURNS_SELF);
    private final Command command = mock(Command.class);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wire() {
        service.em = em;
        service.directory = mock(DeviceDirectory.class);
        service.deadlines = mock(CommandDeadlines.class);
        service.waiters = mock(CommandWaiters.class);
        service.completed = mock(Event.class);
        service.clock = Clock.fixed(RECEIVED.plusSeconds(90), ZoneOffset.UTC);
        when(service.directory.byInterfaceName("pump-1"))
                .thenReturn(Optional.of(new DeviceInfo("device-1", "pump", "pump-1", "json")));
        when(em.createQuery(startsWith("update Command c set c.status = :succeeded"))).thenReturn(succeed);
        when(em.createQuery(startsWith("update Command c set c.lateResponse"))).thenReturn(keepLate);
        when(em.createQuery(startsWith("update Command c set c.status = :timedOut"))).thenReturn(timeOut);
        when(command.getDeviceId()).thenReturn("device-1");
        when(command.getId()).thenReturn(ID);
    }

    @Test
    void anAnswerReceivedBeforeTheDeadlineSucceedsJudgedByWhenItCameNotWhenItIsStored() {
        when(succeed.executeUpdate()).thenReturn(1);
        when(em.find(Command.class, ID)).thenReturn(command);

        assertEquals(ResponseOutcome.SUCCEEDED, service.settle("pump-1", ID, "{}", RECEIVED));

        OffsetDateTime received = RECEIVED.atOffset(ZoneOffset.UTC);
        verify(succeed).setParameter("at", received);
        verify(succeed).setParameter("device", "device-1");
        verify(service.completed).fire(new CommandCompleted(ID, CommandStatus.SUCCEEDED));
        verify(service.deadlines).cancel(ID);
        verify(service.waiters).notifyAfterCommit(command);
    }

    @Test
    void anUnknownDeviceOrCommandOrAnotherDevicesCommandChangesNothing() {
        when(service.directory.byInterfaceName("ghost")).thenReturn(Optional.empty());
        assertEquals(ResponseOutcome.UNKNOWN_DEVICE, service.settle("ghost", ID, "{}", RECEIVED));
        verify(em, never()).createQuery(anyString());

        assertEquals(ResponseOutcome.UNKNOWN_COMMAND, service.settle("pump-1", ID, "{}", RECEIVED));

        when(em.find(Command.class, ID)).thenReturn(command);
        when(command.getDeviceId()).thenReturn("device-2");
        assertEquals(ResponseOutcome.FOREIGN_COMMAND, service.settle("pump-1", ID, "{}", RECEIVED));

        verify(keepLate, never()).executeUpdate();
        verify(service.waiters, never()).notifyAfterCommit(any());
    }

    @Test
    void anAnswerToACommandThatSucceededIsAlreadySettledButWakesThisServersCallers() {
        when(em.find(Command.class, ID)).thenReturn(command);
        when(command.getStatus()).thenReturn(CommandStatus.SUCCEEDED);

        assertEquals(ResponseOutcome.ALREADY_SETTLED, service.settle("pump-1", ID, "{}", RECEIVED));

        verify(keepLate, never()).executeUpdate();
        verify(service.waiters).notifyAfterCommit(command);
    }

    @Test
    void anAnswerToATimedOutCommandIsKeptAsLate() {
        when(em.find(Command.class, ID)).thenReturn(command);
        when(command.getStatus()).thenReturn(CommandStatus.TIMED_OUT);
        when(keepLate.executeUpdate()).thenReturn(1);

        assertEquals(ResponseOutcome.LATE, service.settle("pump-1", ID, "{\"done\":1}", RECEIVED));

        verify(keepLate).setParameter("body", "{\"done\":1}");
        verify(keepLate).setParameter("at", RECEIVED.atOffset(ZoneOffset.UTC));
        verify(timeOut, never()).executeUpdate();
    }

    @Test
    void anAnswerAfterADeadlineWhoseTimerHasNotFiredYetTimesTheCommandOutAndIsKeptAsLate() {
        when(em.find(Command.class, ID)).thenReturn(command);
        when(command.getStatus()).thenReturn(CommandStatus.PENDING);
        when(command.isPending()).thenReturn(true);
        when(timeOut.executeUpdate()).thenReturn(1);
        when(keepLate.executeUpdate()).thenReturn(1);

        assertEquals(ResponseOutcome.LATE, service.settle("pump-1", ID, "{}", RECEIVED));

        verify(service.completed).fire(new CommandCompleted(ID, CommandStatus.TIMED_OUT));
        verify(service.deadlines).cancel(ID);
        verify(em).refresh(command);
        verify(service.waiters).notifyAfterCommit(eq(command));
    }
}
