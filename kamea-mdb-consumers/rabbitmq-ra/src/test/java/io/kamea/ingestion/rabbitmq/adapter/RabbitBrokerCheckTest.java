package io.kamea.ingestion.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.kamea.ingestion.rabbitmq.Rejection;
import io.kamea.ingestion.rabbitmq.TransientFailureException;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The adapter against the project's real RabbitMQ node over AMQPS (skipped unless
 * {@code -Dkamea.broker.test=true}; needs server-config/env.sh sourced and the node running).
 * Uses a scratch queue and a scratch dead-letter exchange, deleted afterwards.
 */
@EnabledIfSystemProperty(named = "kamea.broker.test", matches = "true")
class RabbitBrokerCheckTest {

    /** Runs each work on a pool thread, like a container's work manager. */
    static final class ExecutorWorkManager implements WorkManager {
        final ExecutorService pool = Executors.newFixedThreadPool(8);

        @Override
        public void doWork(Work work) {
            work.run();
        }

        @Override
        public void doWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
            work.run();
        }

        @Override
        public long startWork(Work work) {
            pool.execute(work);
            return 0;
        }

        @Override
        public long startWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
            pool.execute(work);
            return 0;
        }

        @Override
        public void scheduleWork(Work work) {
            pool.execute(work);
        }

        @Override
        public void scheduleWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
            pool.execute(work);
        }
    }

    @Test
    void consumesAcksAndDeadLettersOnTheRealBroker() throws Exception {
        ConnectionSettings settings = ConnectionSettings.fromConfig();
        String id = UUID.randomUUID().toString().substring(0, 8);
        String queue = "kamea.ra-check." + id;
        String dlx = "kamea.ra-check.dlx." + id;
        String dlq = "kamea.ra-check.dl." + id;
        int count = 2_000;

        try (Connection admin = settings.newConnectionFactory().newConnection("kamea-ra-check-admin");
             Channel ch = admin.createChannel()) {
            ch.queueDeclare(queue, true, false, false, Map.of());
            ch.exchangeDeclare(dlx, BuiltinExchangeType.FANOUT, true);
            ch.queueDeclare(dlq, true, false, false, Map.of());
            ch.queueBind(dlq, dlx, "");
            try {
                ch.confirmSelect();
                for (int i = 0; i < count; i++) {
                    String body = i == 17 ? "reject-me" : i == 1_234 ? "poison" : "ok-" + i;
                    ch.basicPublish("", queue, new AMQP.BasicProperties.Builder().deliveryMode(2)
                            .messageId("m-" + i).headers(Map.of("seq", i)).build(), body.getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(30_000);

                List<String> events = Fakes.newEvents();
                Fakes.EndpointFactory factory = new Fakes.EndpointFactory(events);
                Set<String> seenOk = ConcurrentHashMap.newKeySet();
                List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean failedOnce = new AtomicBoolean();
                factory.behaviour = batch -> {
                    sizes.add(batch.size());
                    if (failedOnce.compareAndSet(false, true)) {
                        throw new TransientFailureException("bus down (simulated)");
                    }
                    List<Rejection> rejections = new ArrayList<>();
                    for (var m : batch) {
                        String body = new String(m.body(), StandardCharsets.UTF_8);
                        if (body.equals("poison")) {
                            throw new IllegalArgumentException("cannot parse " + m.messageId());
                        }
                        if (body.equals("reject-me")) {
                            rejections.add(new Rejection(m, "not JSON"));
                        } else {
                            seenOk.add(body);
                        }
                    }
                    return rejections;
                };

                ExecutorWorkManager workManager = new ExecutorWorkManager();
                RabbitResourceAdapter adapter = new RabbitResourceAdapter();
                adapter.start(new Fakes.Context(workManager));
                RabbitActivationSpec spec = new RabbitActivationSpec();
                spec.setQueue(queue);
                spec.setDeadLetterExchange(dlx);
                spec.setMaxAttempts(3);
                spec.validate();
                long t0 = System.nanoTime();
                adapter.endpointActivation(factory, spec);

                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline
                        && (ch.messageCount(dlq) < 2 || seenOk.size() < count - 2 || ch.messageCount(queue) > 0)) {
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                Thread.sleep(500); // let the last acks reach the broker
                adapter.stop();
                workManager.pool.shutdown();

                System.out.printf("broker check: %d messages in %.2f s, %d batches, largest %d%n",
                        count, seconds, sizes.size(), sizes.stream().mapToInt(Integer::intValue).max().orElse(0));
                assertEquals(count - 2, seenOk.size(), "every good message delivered");
                assertEquals(0, ch.messageCount(queue), "everything settled, nothing requeued and left");
                assertEquals(2, ch.messageCount(dlq), "the rejected and the poison message");
                List<String> reasons = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    GetResponse r = ch.basicGet(dlq, true);
                    Map<String, Object> h = r.getProps().getHeaders();
                    reasons.add(String.valueOf(h.get(DeadLetters.REASON)));
                    assertEquals(queue, String.valueOf(h.get(DeadLetters.QUEUE)));
                    assertTrue(h.containsKey(DeadLetters.FAILED_AT));
                }
                System.out.println("broker check: dead-letter reasons " + reasons);
                assertTrue(reasons.contains("not JSON"), reasons.toString());
                assertTrue(reasons.stream().anyMatch(r -> r.startsWith("failed 3 times") && r.contains("cannot parse m-1234")),
                        reasons.toString());
                assertTrue(sizes.stream().anyMatch(s -> s > 1), "batches formed under load: " + sizes);
            } finally {
                ch.queueDelete(queue);
                ch.queueDelete(dlq);
                ch.exchangeDelete(dlx);
            }
        }
    }

    /** Closes the adapter's connection from the broker side mid-stream: it recovers, nothing is lost. */
    @Test
    void recoversWhenTheBrokerClosesTheConnection() throws Exception {
        ConnectionSettings settings = ConnectionSettings.fromConfig();
        String queue = "kamea.ra-check.recovery." + UUID.randomUUID().toString().substring(0, 8);
        int count = 6_000;
        try (Connection admin = settings.newConnectionFactory().newConnection("kamea-ra-check-admin");
             Channel ch = admin.createChannel()) {
            ch.queueDeclare(queue, true, false, false, Map.of());
            try {
                ch.confirmSelect();
                for (int i = 0; i < count; i++) {
                    ch.basicPublish("", queue, new AMQP.BasicProperties.Builder().deliveryMode(2).messageId("m-" + i).build(),
                            ("m-" + i).getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(30_000);
                Set<String> seen = ConcurrentHashMap.newKeySet();
                List<String> events = Fakes.newEvents();
                Fakes.EndpointFactory factory = new Fakes.EndpointFactory(events);
                factory.behaviour = batch -> {
                    try {
                        Thread.sleep(50); // a slow bean: the close hits batches in flight
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    batch.forEach(m -> seen.add(m.messageId()));
                    return List.of();
                };
                ExecutorWorkManager workManager = new ExecutorWorkManager();
                RabbitResourceAdapter adapter = new RabbitResourceAdapter();
                adapter.start(new Fakes.Context(workManager));
                RabbitActivationSpec spec = new RabbitActivationSpec();
                spec.setQueue(queue);
                spec.setMaxBatchSize(20);
                spec.setPrefetch(100);
                adapter.endpointActivation(factory, spec);
                while (seen.size() < 200) {
                    Thread.sleep(20);
                }
                String root = System.getenv("KAMEA_ROOT");
                Process close = new ProcessBuilder("bash", "-c", ". server-config/env.sh && . server-config/lib/rabbitmq.sh && "
                        + "pid=$(rabbitmq_ctl -q list_connections pid client_properties | grep 'kamea-consumer:" + queue
                        + "' | awk '{print $1}') && [ -n \"$pid\" ] && rabbitmq_ctl close_connection \"$pid\" 'ra recovery check'")
                        .directory(new java.io.File(root)).inheritIO().start();
                assertEquals(0, close.waitFor(), "closing the adapter's connection on the broker");
                int atClose = seen.size();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline && (seen.size() < count || ch.messageCount(queue) > 0)) {
                    Thread.sleep(100);
                }
                Thread.sleep(1_000);
                int unacked = ch.queueDeclarePassive(queue).getMessageCount();
                adapter.stop();
                workManager.pool.shutdown();
                System.out.printf("recovery check: %d of %d seen when closed, %d seen in the end, %d deliveries in all, %d left%n",
                        atClose, count, seen.size(), events.stream().filter(e -> e.startsWith("onMessages")).count(), unacked);
                assertTrue(atClose < count, "the close came mid-stream");
                assertEquals(count, seen.size(), "every message delivered after recovery");
                assertEquals(0, ch.messageCount(queue), "all acknowledged after recovery");
            } finally {
                ch.queueDelete(queue);
            }
        }
    }
}
