package io.kamea.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Whatever handling does, each message ends in one acknowledgement: 200 unacknowledged ones
 * (RabbitMQ's mqtt.prefetch) stopped the API's session for good.
 */
class ResponseDispatchTest {

    private final List<Runnable> handlerQueue = new ArrayList<>();
    private final Executor handlers = handlerQueue::add;
    private final ScheduledExecutorService retries = mock(ScheduledExecutorService.class);
    private final AtomicInteger acks = new AtomicInteger();
    private final ResponseDispatch.Acknowledgement ack = acks::incrementAndGet;
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(ResponseDispatch.class.getName());
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
    void captureLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
    }

    @Test
    void pahosThreadOnlyQueuesTheMessageAndTheAckFollowsTheHandling() {
        List<CommandResponseReceived> seen = new ArrayList<>();
        var dispatch = new ResponseDispatch(handlers, retries, seen::add);

        dispatch.received(response("device/a/command/response/b"), ack);

        assertTrue(seen.isEmpty(), "not handled on Paho's thread");
        assertEquals(0, acks.get());
        runHandlers();
        assertEquals(1, seen.size());
        assertEquals(1, acks.get());
    }

    @Test
    void aMessageWhoseHandlingThrowsIsAcknowledgedAnywayAndLoggedOnceOnOneLine() {
        var dispatch = new ResponseDispatch(handlers, retries, r -> {
            throw new IllegalStateException("payload \0 was\nnot expected");
        });

        dispatch.received(response("device/a/command/response/x\nSEVERE: forged"), ack);
        runHandlers();

        assertEquals(1, acks.get());
        List<LogRecord> warnings = logged.stream().filter(r -> r.getLevel().intValue() >= 900).toList();
        assertEquals(1, warnings.size());
        String line = warnings.get(0).getMessage();
        assertFalse(line.contains("\n") || line.contains("\0") || line.contains("not expected"), line);
        assertTrue(line.contains("x\\nSEVERE: forged"), line);
    }

    @Test
    void anErrorIsNoExceptionToTheRule() {
        var dispatch = new ResponseDispatch(handlers, retries, r -> {
            throw new StackOverflowError();
        });

        dispatch.received(response("device/a/command/response/b"), ack);
        runHandlers();

        assertEquals(1, acks.get());
    }

    @Test
    void aRetryLeavesTheMessageUnacknowledgedWithoutHoldingAThreadUntilALaterAttemptEndsIt() {
        List<Integer> attempts = new ArrayList<>();
        Consumer<CommandResponseReceived> observer = r -> {
            attempts.add(r.attempt());
            if (r.attempt() < 3) {
                r.retryIn(Duration.ofSeconds(r.attempt()));
            }
        };
        var dispatch = new ResponseDispatch(handlers, retries, observer);
        ArgumentCaptor<Runnable> later = ArgumentCaptor.forClass(Runnable.class);

        dispatch.received(response("device/a/command/response/b"), ack);
        runHandlers();
        verify(retries).schedule(later.capture(), eq(1000L), eq(TimeUnit.MILLISECONDS));
        assertEquals(0, acks.get());
        assertTrue(handlerQueue.isEmpty(), "nothing waits on a handler thread");

        later.getValue().run(); // the scheduler's thread only hands it back to the handlers
        assertEquals(List.of(1), attempts);
        runHandlers();
        verify(retries).schedule(later.capture(), eq(2000L), eq(TimeUnit.MILLISECONDS));
        later.getValue().run();
        runHandlers();

        assertEquals(List.of(1, 2, 3), attempts);
        assertEquals(1, acks.get());
    }

    @Test
    void whenTheApplicationStopsTheMessageIsLeftForTheSessionToDeliverAgain() {
        var stopped = new ResponseDispatch(r -> {
            throw new RejectedExecutionException("shut down");
        }, retries, r -> { });

        stopped.received(response("device/a/command/response/b"), ack);

        assertEquals(0, acks.get());

        var retriesStopped = new ResponseDispatch(handlers, retries, r -> r.retryIn(Duration.ofSeconds(1)));
        when(retries.schedule(any(Runnable.class), anyLong(), any())).thenThrow(new RejectedExecutionException());
        retriesStopped.received(response("device/a/command/response/b"), ack);
        runHandlers();

        assertEquals(0, acks.get());
    }

    @Test
    void anAcknowledgementThatCannotBeSentIsNotAnError() {
        var dispatch = new ResponseDispatch(handlers, retries, r -> { });

        dispatch.received(response("device/a/command/response/b"), () -> {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
        });
        runHandlers();

        assertTrue(logged.stream().allMatch(r -> r.getLevel().intValue() < 900));
    }

    private void runHandlers() {
        List<Runnable> queued = new ArrayList<>(handlerQueue);
        handlerQueue.clear();
        queued.forEach(Runnable::run);
    }

    private static CommandResponseReceived response(String topic) {
        return new CommandResponseReceived(topic, new byte[] {'{', '}'}, Instant.parse("2026-12-03T10:00:00Z"));
    }
}
