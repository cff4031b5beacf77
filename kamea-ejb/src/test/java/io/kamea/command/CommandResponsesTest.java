package io.kamea.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.kamea.broker.CommandResponseReceived;
import io.kamea.platform.MessageLimits;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every message on a response topic ends in one outcome, and only an answer that can be stored
 * reaches the database; the rejected ones are counted by reason and logged once, safely. (That
 * each one is then acknowledged is ResponseDispatchTest's.)
 */
class CommandResponsesTest {

    private static final String COMMAND = "a61a6a71-0c1e-4b6f-9d5e-3f0e2c8b7a10";
    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");

    private final CommandResponses responses = new CommandResponses();
    private final CommandService commands = mock(CommandService.class);
    private final List<CommandResponseRejected> rejected = new ArrayList<>();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(CommandResponses.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wire() {
        responses.commands = commands;
        responses.limits = new MessageLimits(1024);
        responses.rejected = mock(Event.class);
        org.mockito.Mockito.doAnswer(call -> rejected.add(call.getArgument(0))).when(responses.rejected).fire(any());
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
    }

    @Test
    void anAnswerInTimeSettlesItsCommandWithTheTextAndTheTimeItWasReceived() {
        when(commands.settle("pump-1", COMMAND, "{\"ok\":true}", RECEIVED)).thenReturn(ResponseOutcome.SUCCEEDED);
        var response = response("device/pump-1/command/response/" + COMMAND, "{\"ok\":true}");

        responses.onReceived(response);

        verify(commands).settle("pump-1", COMMAND, "{\"ok\":true}", RECEIVED);
        assertEquals(List.of(), rejected);
        assertNull(response.retryRequested(), "acknowledged");
        assertEquals(List.of(), logged);
    }

    @Test
    void aLateAnswerIsKeptNotRejected() {
        when(commands.settle(anyString(), anyString(), anyString(), any())).thenReturn(ResponseOutcome.LATE);

        responses.onReceived(response("device/pump-1/command/response/" + COMMAND, "{}"));

        assertEquals(List.of(), rejected);
    }

    @Test
    void poisonPayloadsAreRejectedBeforeAnyDatabaseWorkSoNothingOfThemIsStored() {
        assertRejectedUnsettled(ResponseOutcome.NUL_BYTE, "device/pump-1/command/response/" + COMMAND,
                "{\"a\":\"\0\"}".getBytes(StandardCharsets.UTF_8));
        assertRejectedUnsettled(ResponseOutcome.INVALID_UTF8, "device/pump-1/command/response/" + COMMAND,
                new byte[] {'{', (byte) 0xC3, '}'});
        assertRejectedUnsettled(ResponseOutcome.TOO_LARGE, "device/pump-1/command/response/" + COMMAND, new byte[1025]);
        assertRejectedUnsettled(ResponseOutcome.MALFORMED_TOPIC, "device/pump-1/command/response/", bytes("{}"));
        assertRejectedUnsettled(ResponseOutcome.MALFORMED_TOPIC, "device//command/response/" + COMMAND, bytes("{}"));
        // no UUID: no command can have that id, no query needed to know it
        assertRejectedUnsettled(ResponseOutcome.UNKNOWN_COMMAND, "device/pump-1/command/response/42", bytes("{}"));
        assertRejectedUnsettled(ResponseOutcome.UNKNOWN_COMMAND, "device/pump-1/command/response/"
                + COMMAND.toUpperCase(), bytes("{}"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersThatSettleNothingAreRejectedWithTheReasonTheDatabaseGave() {
        for (ResponseOutcome reason : List.of(ResponseOutcome.UNKNOWN_DEVICE, ResponseOutcome.UNKNOWN_COMMAND,
                ResponseOutcome.FOREIGN_COMMAND, ResponseOutcome.ALREADY_SETTLED)) {
            rejected.clear();
            when(commands.settle(anyString(), anyString(), anyString(), any())).thenReturn(reason);
            var response = response("device/pump-1/command/response/" + COMMAND, "{}");

            responses.onReceived(response);

            assertEquals(List.of(new CommandResponseRejected(reason)), rejected);
            assertNull(response.retryRequested(), "acknowledged");
        }
    }

    @Test
    void eachRejectionIsLoggedOnceOnOneLineWithTheDeviceAndReasonButNoneOfThePayload() {
        var response = new CommandResponseReceived("device/pump-1/command/response/x\r\nINFO: all good\u001b[2J",
                "SECRET\0".getBytes(StandardCharsets.UTF_8), RECEIVED);

        responses.onReceived(response);

        assertEquals(1, logged.size());
        LogRecord record = logged.get(0);
        assertEquals(Level.WARNING, record.getLevel());
        String line = record.getMessage();
        assertTrue(line.contains("(nul-byte)") && line.contains("'pump-1'"), line);
        assertTrue(line.contains("'x\\r\\nINFO: all good\\u001b[2J'"), line);
        assertFalse(line.contains("SECRET"), line);
        assertTrue(line.chars().noneMatch(Character::isISOControl), line);
    }

    @Test
    void anAlreadySettledAnswerIsCountedButLoggedOnlyAtFineForEveryOtherServerOfAClusterSeesOne() {
        when(commands.settle(anyString(), anyString(), anyString(), any())).thenReturn(ResponseOutcome.ALREADY_SETTLED);

        responses.onReceived(response("device/pump-1/command/response/" + COMMAND, "{}"));

        assertEquals(List.of(new CommandResponseRejected(ResponseOutcome.ALREADY_SETTLED)), rejected);
        assertEquals(List.of(), logged, "nothing at INFO or above");
    }

    @Test
    void aDatabaseOutageIsTriedAgainSevenTimesOverAMinuteThenTheAnswerIsRejectedAsUnavailable() {
        when(commands.settle(anyString(), anyString(), anyString(), any())).thenThrow(new EJBException(
                new PersistenceException(new SQLException("Connection refused", "08001"))));
        var response = response("device/pump-1/command/response/" + COMMAND, "{}");
        List<Duration> waits = new ArrayList<>();

        for (int attempt = 1; attempt < 7; attempt++) {
            assertEquals(attempt, response.attempt());
            responses.onReceived(response);
            waits.add(response.retryRequested());
            assertEquals(List.of(), rejected, "not rejected at attempt " + attempt);
            response = response.nextAttempt();
        }
        responses.onReceived(response);

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L), waits.stream().map(Duration::toSeconds).toList());
        assertNull(response.retryRequested(), "the 7th attempt ends it: acknowledged");
        assertEquals(List.of(new CommandResponseRejected(ResponseOutcome.UNAVAILABLE)), rejected);
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).getMessage().contains("after 7 attempt(s): SQLSTATE '08001'"), logged.get(0).getMessage());
    }

    @Test
    void anAnswerTheDatabaseRefusesAsDataIsRejectedAtOnceNotRetried() {
        when(commands.settle(anyString(), anyString(), anyString(), any())).thenThrow(new EJBTransactionRolledbackException(
                "rolled back", new PersistenceException(new SQLException("value too long", "22001"))));
        var response = response("device/pump-1/command/response/" + COMMAND, "{}");

        responses.onReceived(response);

        assertNull(response.retryRequested());
        assertEquals(List.of(new CommandResponseRejected(ResponseOutcome.UNSTORABLE)), rejected);
        assertFalse(logged.get(0).getMessage().contains("value too long"), "no database message: it may quote the data");
    }

    @Test
    void anAnswerThatFailedOnceIsStoredWhenTheDatabaseIsBack() {
        when(commands.settle(anyString(), anyString(), anyString(), any()))
                .thenThrow(new PersistenceException("pool exhausted"))
                .thenReturn(ResponseOutcome.SUCCEEDED);
        var response = response("device/pump-1/command/response/" + COMMAND, "{}");

        responses.onReceived(response);
        assertEquals(Duration.ofSeconds(1), response.retryRequested());
        var again = response.nextAttempt();
        responses.onReceived(again);

        assertNull(again.retryRequested());
        assertEquals(List.of(), rejected);
        verify(commands, org.mockito.Mockito.times(2)).settle("pump-1", COMMAND, "{}", RECEIVED);
    }

    @Test
    void everyRejectionHasATagAndOnlyTheTwoSettlingOutcomesHaveNone() {
        assertEquals(10, ResponseOutcome.rejections().size());
        assertFalse(ResponseOutcome.SUCCEEDED.rejected() || ResponseOutcome.LATE.rejected());
        assertTrue(ResponseOutcome.rejections().stream().allMatch(o -> o.reason().matches("[a-z0-9]+(-[a-z0-9]+)*")));
    }

    private void assertRejectedUnsettled(ResponseOutcome reason, String topic, byte[] payload) {
        rejected.clear();
        var response = new CommandResponseReceived(topic, payload, RECEIVED);

        responses.onReceived(response);

        assertEquals(List.of(new CommandResponseRejected(reason)), rejected, topic);
        assertNull(response.retryRequested(), "acknowledged");
        verify(commands, never()).settle(any(), any(), any(), any());
    }

    private static CommandResponseReceived response(String topic, String payload) {
        return new CommandResponseReceived(topic, bytes(payload), RECEIVED);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
