package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * Telemetry the broker accepted (QoS 1 PUBACK) reaches the bus although the servers behind the
 * broker fail: the application server killed in the middle of a stream, the bus down for a while.
 * Servers are stopped and started with the project's own scripts (server-config/lib) and are
 * left running for the tests that follow. Duplicates are allowed: MQTT messages carry no id, so
 * a batch forwarded but not yet acked when the server died is forwarded again.
 */
class IngestionResilienceIT {

    private static final String TELEMETRY_QUEUE = "kamea.telemetry";
    /** A receive that waits this long for the next message ends the count. */
    private static final long QUIET_SECONDS = 30;

    @Test
    void noTelemetryIsLostWhenTheApplicationServerIsKilled() throws Exception {
        int count = 10_000;
        var device = Devices.withPassword(Devices.uniqueName("crash"));
        Stream stream = null;
        try (Bus bus = Bus.subscribe(Bus.RAW_DATA, device.id())) {
            stream = Stream.start(device, count);
            Stream streaming = stream;
            assertTrue(Servers.waitFor(() -> streaming.acknowledged.get() >= count / 5 || streaming.done(), 60),
                    "the broker acknowledged " + count / 5 + " telemetries within 60 s");
            try {
                Servers.killApplicationServer();
            } finally {
                Servers.startApplicationServer();
            }
            stream.thread.join(TimeUnit.MINUTES.toMillis(2));
            assertNull(stream.failure, "the device published everything over the same connection");
            assertEquals(count, stream.acknowledged.get(), "PUBACKs");
            assertTrue(stream.isConnected(), "the broker kept the device connected");

            Tally tally = Tally.receive(bus, count);
            System.out.println("crash test: " + tally);
            assertEquals(0, tally.lost(), "telemetries lost (the broker acknowledged them): " + tally);
        } finally {
            if (stream != null) {
                stream.close();
            }
            Devices.delete(device);
        }
    }

    @Test
    void telemetryWaitsInTheBrokerWhileTheBusIsDown() throws Exception {
        int count = 500;
        var device = Devices.withPassword(Devices.uniqueName("outage"));
        Bus bus = Bus.subscribe(Bus.RAW_DATA, device.id());
        boolean subscribed = true;
        boolean busStopped = false;
        try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
            // The publisher holds a bus connection when the outage starts: the outage breaks it.
            client.publish(device.topics().telemetry(), payload(-1));
            assertEquals(1, bus.receive(1, 15).size(), "ingestion works before the outage");

            bus.disconnect();
            subscribed = false;
            long stoppedAt = System.nanoTime();
            busStopped = true;
            Servers.runScript("artemis", "artemis_stop");
            for (int i = 0; i < count; i++) {
                client.publish(device.topics().telemetry(), payload(i));
            }
            assertTrue(Servers.waitFor(() -> Broker.waiting(TELEMETRY_QUEUE) >= count, 20),
                    "the telemetries wait in " + TELEMETRY_QUEUE + " while the bus is down (broker says "
                            + Broker.waiting(TELEMETRY_QUEUE) + ")");
            Thread.sleep(Math.max(0, TimeUnit.SECONDS.toNanos(30) - (System.nanoTime() - stoppedAt)) / 1_000_000);
            Servers.runScript("artemis", "artemis_start");
            busStopped = false;

            // The subscription was made before the outage and the bus persisted it with its messages.
            bus = Bus.subscribe(Bus.RAW_DATA, device.id());
            subscribed = true;
            Tally tally = Tally.receive(bus, count);
            System.out.println("bus outage test: " + tally);
            assertEquals(0, tally.lost(), "telemetries lost: " + tally);

            // The consumers are back in their normal pace, not in a back-off.
            client.publish(device.topics().telemetry(), payload(count));
            Tally after = Tally.receive(bus, 1, count, 10);
            assertEquals(0, after.lost(), "a telemetry sent after the outage reached the bus within 10 s");
        } finally {
            if (busStopped) {
                Servers.runScript("artemis", "artemis_start");
            }
            if (!subscribed) {
                bus = Bus.subscribe(Bus.RAW_DATA, device.id());
            }
            bus.close();
            Devices.delete(device);
        }
    }

    /**
     * The device streaming numbered telemetries from a thread of its own, with a window of
     * unacknowledged publishes as a real device does. DeviceClient waits for each PUBACK, and the
     * broker confirms a persistent message only after writing it to disk: about 160 messages/s.
     */
    private static final class Stream implements Runnable, IMqttActionListener {
        private static final int WINDOW = 100;

        final AtomicInteger acknowledged = new AtomicInteger();
        final Thread thread = new Thread(this, "telemetry-stream");
        volatile Throwable failure;
        private final MqttAsyncClient client;
        private final String topic;
        private final int count;
        private final Semaphore window = new Semaphore(WINDOW);

        private Stream(MqttAsyncClient client, String topic, int count) {
            this.client = client;
            this.topic = topic;
            this.count = count;
        }

        static Stream start(Devices.Provisioned device, int count) throws MqttException {
            MqttAsyncClient client = new MqttAsyncClient(Stack.MQTT_URL, device.login(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setSocketFactory(Stack.tls().getSocketFactory());
            options.setCleanSession(true);
            options.setAutomaticReconnect(false);
            options.setMaxInflight(10 * WINDOW);
            options.setUserName(device.login());
            options.setPassword(device.password().toCharArray());
            client.connect(options).waitForCompletion(15_000);
            Stream stream = new Stream(client, device.topics().telemetry(), count);
            stream.thread.setDaemon(true);
            stream.thread.start();
            return stream;
        }

        @Override
        public void run() {
            try {
                for (int i = 0; i < count && failure == null; i++) {
                    window.acquire();
                    MqttMessage message = new MqttMessage(payload(i).getBytes());
                    message.setQos(1);
                    client.publish(topic, message, null, this);
                }
                window.acquire(WINDOW); // every PUBACK (or failure) is in
                window.release(WINDOW);
            } catch (Exception e) {
                failure = e;
            }
        }

        @Override
        public void onSuccess(IMqttToken token) {
            acknowledged.incrementAndGet();
            window.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
            failure = e;
            window.release();
        }

        boolean done() {
            return !thread.isAlive();
        }

        boolean isConnected() {
            return client.isConnected();
        }

        void close() {
            try {
                if (client.isConnected()) {
                    client.disconnect(2000).waitForCompletion(5000);
                }
                client.close(true);
            } catch (MqttException e) {
                // the device is done either way
            }
        }
    }

    /** What a subscriber received of sequence numbers {@code first .. first + count - 1}. */
    private record Tally(int sent, int received, int distinct) {

        static Tally receive(Bus bus, int count) throws JMSException {
            return receive(bus, count, 0, QUIET_SECONDS);
        }

        /** Until every number was seen or nothing came for {@code quietSeconds}, then stragglers. */
        static Tally receive(Bus bus, int count, int first, long quietSeconds) throws JMSException {
            BitSet seen = new BitSet(count);
            int received = 0;
            while (seen.cardinality() < count) {
                List<Message> next = bus.receive(1, quietSeconds);
                if (next.isEmpty()) {
                    break;
                }
                received++;
                record(seen, next.get(0), first);
            }
            // Duplicates of the last batches may still be on their way.
            for (List<Message> next = bus.receive(1, 2); !next.isEmpty(); next = bus.receive(1, 2)) {
                received++;
                record(seen, next.get(0), first);
            }
            return new Tally(count, received, seen.cardinality());
        }

        private static void record(BitSet seen, Message message, int first) throws JMSException {
            BytesMessage bytes = (BytesMessage) message;
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            try (var reader = Json.createReader(new StringReader(new String(body)))) {
                int seq = reader.readObject().getInt("seq") - first;
                if (seq >= 0) {
                    seen.set(seq);
                }
            }
        }

        int lost() {
            return sent - distinct;
        }

        int duplicates() {
            return received - distinct;
        }

        @Override
        public String toString() {
            return "sent=" + sent + " received=" + received + " lost=" + lost() + " duplicates=" + duplicates();
        }
    }

    private static String payload(int seq) {
        return "{\"seq\":" + seq + ",\"temp\":" + (20 + seq % 10) + "}";
    }


}
