package io.kamea.ingestion.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.LongStringHelper;
import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.Rejection;
import io.kamea.ingestion.rabbitmq.TransientFailureException;
import jakarta.ejb.EJBException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** The adapter end to end against a mocked amqp-client channel and fake container services. */
class RabbitResourceAdapterTest {

    private static final String QUEUE = "kamea.telemetry";
    private static final String ROUTING_KEY = "device.d1.telemetries";

    private List<String> events;
    private Fakes.EndpointFactory factory;
    private Fakes.WorkManagerFake workManager;
    private Fakes.DelayerFake delayer;
    private Connection connection;
    private Channel channel;
    private Channel deadLetterChannel;
    private RabbitResourceAdapter adapter;
    private RabbitActivationSpec spec;

    @BeforeEach
    void setUp() throws Exception {
        events = Fakes.newEvents();
        factory = new Fakes.EndpointFactory(events);
        workManager = new Fakes.WorkManagerFake();
        delayer = new Fakes.DelayerFake();
        connection = mock(Connection.class);
        channel = mock(Channel.class);
        deadLetterChannel = mock(Channel.class);
        when(connection.createChannel()).thenReturn(channel, deadLetterChannel);
        when(channel.basicConsume(anyString(), anyBoolean(), any(Consumer.class))).thenReturn("ctag-1");
        when(deadLetterChannel.isOpen()).thenReturn(true);
        doAnswer(inv -> events.add("basicAck:" + inv.getArgument(0) + ":" + inv.getArgument(1)))
                .when(channel).basicAck(anyLong(), anyBoolean());
        doAnswer(inv -> events.add("basicNack:" + inv.getArgument(0) + ":" + inv.getArgument(1) + ":" + inv.getArgument(2)))
                .when(channel).basicNack(anyLong(), anyBoolean(), anyBoolean());
        doAnswer(inv -> {
            AMQP.BasicProperties props = inv.getArgument(3);
            return events.add("publish:" + inv.getArgument(0) + ":" + inv.getArgument(1) + ":"
                    + props.getHeaders().get(DeadLetters.REASON));
        }).when(deadLetterChannel).basicPublish(anyString(), anyString(), anyBoolean(), any(AMQP.BasicProperties.class), any(byte[].class));
        doAnswer(inv -> events.add("confirmed")).when(deadLetterChannel).waitForConfirmsOrDie(anyLong());

        adapter = new RabbitResourceAdapter(() -> name -> {
            events.add("open:" + name);
            return connection;
        }, delayer, Duration.ofSeconds(5));
        adapter.start(new Fakes.Context(workManager));
        spec = new RabbitActivationSpec();
        spec.setQueue(QUEUE);
        spec.setConcurrency(1);
        spec.setMaxAttempts(3);
    }

    private Consumer activate() throws Exception {
        adapter.endpointActivation(factory, spec);
        workManager.runNext(); // the connecting work, when held
        ArgumentCaptor<Consumer> consumer = ArgumentCaptor.forClass(Consumer.class);
        verify(channel).basicQos(spec.getPrefetch());
        verify(channel).basicConsume(eq(QUEUE), eq(false), consumer.capture());
        events.clear();
        return consumer.getValue();
    }

    private static void deliver(Consumer consumer, long tag, String body) throws IOException {
        deliver(consumer, tag, body, new AMQP.BasicProperties.Builder().build());
    }

    private static void deliver(Consumer consumer, long tag, String body, AMQP.BasicProperties props) throws IOException {
        consumer.handleDelivery("ctag-1", new Envelope(tag, false, "amq.topic", ROUTING_KEY), props,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private List<Integer> batchSizes() {
        return factory.batches.stream().map(List::size).toList();
    }

    @Test
    void activationOnlySchedulesTheConnectionWork() throws Exception {
        workManager.hold = true;
        adapter.endpointActivation(factory, spec);
        assertTrue(events.isEmpty(), "connected inline: " + events);
        assertEquals(1, workManager.queued.size());
        workManager.runNext();
        assertEquals(List.of("open:kamea-consumer:" + QUEUE), events);
    }

    @Test
    void successAcksTheBatchAfterTheEndpointReturned() throws Exception {
        Consumer consumer = activate();
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().messageId("m-1")
                .timestamp(new Date(1_700_000_000_000L))
                .headers(Map.of("device", LongStringHelper.asLongString("d1"), "n", 3)).build();

        Instant before = Instant.now();
        deliver(consumer, 1, "{\"temp\":21.5}", props);

        assertEquals(List.of("createEndpoint", "beforeDelivery:onMessages", "onMessages:1", "afterDelivery", "release",
                "basicAck:1:true"), events);
        RabbitMessage message = factory.batches.get(0).get(0);
        assertEquals(QUEUE, message.queue());
        assertEquals(ROUTING_KEY, message.routingKey());
        assertEquals("{\"temp\":21.5}", new String(message.body(), StandardCharsets.UTF_8));
        assertEquals("m-1", message.messageId());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), message.brokerTimestamp());
        assertEquals("d1", message.headers().get("device"), "LongString must arrive as String");
        assertTrue(message.headers().get("device") instanceof String);
        assertEquals(3, message.headers().get("n"));
        assertEquals(1, message.deliveryTag());
        assertFalse(message.deliveredAt().isBefore(before), "stamped when the adapter took it");
        assertFalse(message.deliveredAt().isAfter(Instant.now()));
    }

    @Test
    void rejectionsAreDeadLetteredAndConfirmedBeforeTheAck() throws Exception {
        Consumer consumer = activate();
        workManager.hold = true;
        factory.behaviour = batch -> batch.stream()
                .filter(m -> new String(m.body(), StandardCharsets.UTF_8).equals("garbage"))
                .map(m -> new Rejection(m, "not JSON")).toList();
        deliver(consumer, 1, "ok-1");
        deliver(consumer, 2, "garbage");
        deliver(consumer, 3, "ok-3");
        workManager.runNext(); // batch [1]
        assertEquals("basicAck:1:true", events.get(events.size() - 1));
        events.clear();
        workManager.runNext(); // batch [2, 3]

        assertEquals(List.of("createEndpoint", "beforeDelivery:onMessages", "onMessages:2", "afterDelivery", "release",
                "publish:kamea.dead-letter:" + ROUTING_KEY + ":not JSON", "confirmed", "basicAck:3:true"), events);
        ArgumentCaptor<AMQP.BasicProperties> props = ArgumentCaptor.forClass(AMQP.BasicProperties.class);
        ArgumentCaptor<byte[]> body = ArgumentCaptor.forClass(byte[].class);
        verify(deadLetterChannel).confirmSelect();
        verify(deadLetterChannel).basicPublish(eq("kamea.dead-letter"), eq(ROUTING_KEY), eq(true), props.capture(), body.capture());
        assertEquals("garbage", new String(body.getValue(), StandardCharsets.UTF_8));
        assertEquals(QUEUE, props.getValue().getHeaders().get(DeadLetters.QUEUE));
        assertTrue(props.getValue().getHeaders().containsKey(DeadLetters.FAILED_AT));
    }

    @Test
    void unconfirmedDeadLettersMeanNoAck() throws Exception {
        Consumer consumer = activate();
        doThrow(new IOException("nack from broker")).when(deadLetterChannel).waitForConfirmsOrDie(anyLong());
        factory.behaviour = batch -> List.of(new Rejection(batch.get(0), "bad"));

        deliver(consumer, 1, "garbage");

        verify(channel, never()).basicAck(anyLong(), anyBoolean());
        assertTrue(events.contains("basicNack:1:true:true"), events.toString());
        assertEquals(List.of(QueueConsumer.FIRST_BACKOFF_MILLIS), delayer.delays);
    }

    @Test
    void transientFailureRequeuesWithBackoffAndCountsNoAttempt() throws Exception {
        Consumer consumer = activate();
        factory.behaviour = batch -> {
            throw new EJBException("container wrapped", new TransientFailureException("bus down"));
        };
        deliver(consumer, 1, "m");

        assertTrue(events.contains("basicNack:1:true:true"), events.toString());
        verify(channel, never()).basicAck(anyLong(), anyBoolean());
        assertEquals(List.of(200L), delayer.delays);
        EndpointActivation activation = adapter.activation(factory, spec);
        assertEquals(0, activation.attempts().count(Received.attemptKey(null, ROUTING_KEY, "m".getBytes(StandardCharsets.UTF_8), Map.of())));

        // while backing off, the redelivered message waits
        deliver(consumer, 2, "m");
        assertEquals(1, factory.batches.size());
        delayer.runAll();
        assertEquals(2, factory.batches.size());
        assertEquals(List.of(200L, 400L), delayer.delays, "back-off doubles");

        factory.behaviour = batch -> List.of();
        deliver(consumer, 3, "m");
        delayer.runAll();
        assertTrue(events.contains("basicAck:3:true"), events.toString());

        factory.behaviour = batch -> {
            throw new TransientFailureException("bus down again");
        };
        deliver(consumer, 4, "m");
        assertEquals(200L, delayer.delays.get(delayer.delays.size() - 1), "back-off resets after a success");
    }

    @Test
    void failingMessageIsRequeuedUntilMaxAttemptsThenDeadLettered() throws Exception {
        Consumer consumer = activate();
        factory.behaviour = batch -> {
            throw new EJBException(new IllegalArgumentException("temp is not a number"));
        };
        deliver(consumer, 1, "poison");
        deliver(consumer, 2, "poison"); // the broker's redelivery, held back by the back-off
        delayer.runAll();
        assertEquals(List.of("basicNack:1:true:true", "basicNack:2:true:true"),
                events.stream().filter(e -> e.startsWith("basic")).toList());
        assertEquals(List.of(200L, 400L), delayer.delays, "each failure waits longer before the next try");
        events.clear();

        deliver(consumer, 3, "poison");
        delayer.runAll();

        List<String> broker = events.stream().filter(e -> !e.contains("Endpoint") && !e.contains("Delivery")
                && !e.startsWith("onMessages") && !e.equals("release")).toList();
        assertEquals(3, broker.size(), broker.toString());
        assertTrue(broker.get(0).startsWith("publish:kamea.dead-letter:" + ROUTING_KEY + ":failed 3 times:"), broker.get(0));
        assertTrue(broker.get(0).contains("temp is not a number"), broker.get(0));
        assertEquals(List.of("confirmed", "basicAck:3:true"), broker.subList(1, 3));
    }

    @Test
    void failedBatchIsRetriedOneByOneSoOnlyThePoisonMessageIsDeadLettered() throws Exception {
        spec.setMaxAttempts(2);
        Consumer consumer = activate();
        workManager.hold = true;
        factory.behaviour = batch -> {
            if (batch.stream().anyMatch(m -> new String(m.body(), StandardCharsets.UTF_8).equals("poison"))) {
                throw new IllegalStateException("cannot parse");
            }
            return List.of();
        };
        deliver(consumer, 1, "good-a");
        deliver(consumer, 2, "poison");
        deliver(consumer, 3, "good-b");
        workManager.runNext(); // [good-a] acked
        workManager.runNext(); // [poison, good-b] fails: both requeued
        assertEquals(List.of("basicAck:1:true", "basicNack:3:true:true"),
                events.stream().filter(e -> e.startsWith("basic")).toList());
        events.clear();

        deliver(consumer, 4, "poison"); // redelivered
        deliver(consumer, 5, "good-b");
        do {
            delayer.runAll();
        } while (workManager.runNext()); // run the batches as they come, after their back-off

        assertEquals(List.of(1, 2, 1, 1), batchSizes());
        verify(deadLetterChannel).basicPublish(eq("kamea.dead-letter"), eq(ROUTING_KEY), eq(true), any(),
                eq("poison".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("basicAck:4:true", "basicAck:5:true"),
                events.stream().filter(e -> e.startsWith("basic")).toList());
    }

    @Test
    void deliveriesArrivingWhileABatchIsInFlightFormTheNextBatch() throws Exception {
        Consumer consumer = activate();
        workManager.hold = true;
        deliver(consumer, 1, "m1");
        for (int tag = 2; tag <= 6; tag++) {
            deliver(consumer, tag, "m" + tag);
        }
        assertEquals(1, workManager.queued.size(), "one batch in flight per channel");

        workManager.runNext();
        workManager.runNext();

        assertEquals(List.of(1, 5), batchSizes());
        assertEquals(List.of("m2", "m3", "m4", "m5", "m6"), factory.batches.get(1).stream()
                .map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList(), "queue order");
        assertEquals(List.of("basicAck:1:true", "basicAck:6:true"),
                events.stream().filter(e -> e.startsWith("basic")).toList());
    }

    @Test
    void withALingerAFirstDeliveryWaitsForCompanyThenGoesWithIt() throws Exception {
        spec.setBatchLingerMillis(5);
        Consumer consumer = activate();
        deliver(consumer, 1, "m1");
        deliver(consumer, 2, "m2");
        assertTrue(factory.batches.isEmpty(), "delivered before the linger ended");
        assertEquals(List.of(5L), delayer.delays, "one linger for the two deliveries");

        delayer.runAll();

        assertEquals(List.of(2), batchSizes());
        assertEquals(List.of("basicAck:2:true"), events.stream().filter(e -> e.startsWith("basic")).toList());
    }

    @Test
    void aFullBatchDoesNotWaitForTheLinger() throws Exception {
        spec.setBatchLingerMillis(5);
        spec.setMaxBatchSize(2);
        Consumer consumer = activate();
        deliver(consumer, 1, "m1");
        deliver(consumer, 2, "m2");

        assertEquals(List.of(2), batchSizes());
        delayer.runAll(); // the linger ends with nothing left to take
        assertEquals(List.of(2), batchSizes());
    }

    @Test
    void deliveriesThatWaitedForABatchInFlightDoNotLingerAgain() throws Exception {
        spec.setBatchLingerMillis(5);
        Consumer consumer = activate();
        workManager.hold = true;
        deliver(consumer, 1, "m1");
        delayer.runAll(); // batch [1] goes to the bean
        deliver(consumer, 2, "m2");
        deliver(consumer, 3, "m3");

        workManager.runNext(); // batch [1] ends: [2, 3] go at once
        workManager.runNext();

        assertEquals(List.of(1, 2), batchSizes());
        assertEquals(List.of(5L), delayer.delays, "no second linger");
    }

    @Test
    void batchesNeverExceedMaxBatchSize() throws Exception {
        spec.setMaxBatchSize(3);
        Consumer consumer = activate();
        workManager.hold = true;
        for (int tag = 1; tag <= 6; tag++) {
            deliver(consumer, tag, "m" + tag);
        }
        while (workManager.runNext()) {
            // drain
        }
        assertEquals(List.of(1, 3, 2), batchSizes());
        verify(channel).basicAck(4, true);
        verify(channel).basicAck(6, true);
    }

    @Test
    void channelShutdownDropsPendingAndTheStaleBatchIsNotSettled() throws Exception {
        Consumer consumer = activate();
        workManager.hold = true;
        deliver(consumer, 1, "m1");
        deliver(consumer, 2, "m2");

        consumer.handleShutdownSignal("ctag-1", new ShutdownSignalException(false, false, null, null));
        workManager.runNext(); // the batch that was in flight ends after the channel went down

        verify(channel, never()).basicAck(anyLong(), anyBoolean());
        verify(channel, never()).basicNack(anyLong(), anyBoolean(), anyBoolean());
        assertTrue(workManager.queued.isEmpty(), "pending deliveries dropped");

        deliver(consumer, 3, "m1"); // redelivered after recovery
        workManager.runNext();
        verify(channel).basicAck(3, true);
    }

    @Test
    void deactivationWaitsForTheBatchInFlightThenClosesChannelAndConnection() throws Exception {
        Consumer consumer = activate();
        workManager.hold = true;
        deliver(consumer, 1, "m1");

        Thread deactivation = new Thread(() -> adapter.endpointDeactivation(factory, spec));
        deactivation.start();
        verify(channel, timeout(2_000)).basicCancel("ctag-1");
        Thread.sleep(100);
        assertTrue(deactivation.isAlive(), "deactivation must wait for the batch in flight");
        deliver(consumer, 2, "m2"); // arrives after the cancel: never delivered, never acked
        workManager.runNext();
        deactivation.join(5_000);
        assertFalse(deactivation.isAlive());

        InOrder order = inOrder(channel, connection);
        order.verify(channel).basicCancel("ctag-1");
        order.verify(channel).basicAck(1, true);
        order.verify(channel).close();
        order.verify(connection).close(anyInt());
        assertEquals(List.of(1), batchSizes());
        assertTrue(workManager.queued.isEmpty());
        assertNull(adapter.activation(factory, spec));
    }

    @Test
    void stopDeactivatesEverything() throws Exception {
        activate();
        adapter.stop();
        verify(channel).basicCancel("ctag-1");
        verify(connection).close(anyInt());
        assertNull(adapter.activation(factory, spec));
    }

    @Test
    void failedStartIsRetriedUntilDeactivated() throws Exception {
        workManager.hold = true;
        when(channel.basicConsume(anyString(), anyBoolean(), any(Consumer.class)))
                .thenThrow(new IOException("NOT_FOUND - no queue 'kamea.telemetry'"));
        adapter.endpointActivation(factory, spec);
        Thread connecting = new Thread(workManager::runNext);
        connecting.start();
        verify(connection, timeout(2_000)).close(anyInt()); // first attempt failed and was cleaned up
        adapter.endpointDeactivation(factory, spec);
        connecting.join(3_000);
        assertFalse(connecting.isAlive(), "the connecting work must end when deactivated");
    }

    @Test
    void settleFailureOfTheAckDoesNotLoseTheBatch() throws Exception {
        Consumer consumer = activate();
        doThrow(new com.rabbitmq.client.AlreadyClosedException(new ShutdownSignalException(true, false, null, null)))
                .when(channel).basicAck(anyLong(), anyBoolean());
        deliver(consumer, 1, "m1");
        assertEquals(1, delayer.delays.size(), "back-off after a failed settlement");
    }

}
