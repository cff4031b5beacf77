package io.kamea.e2e;

import io.kamea.contract.BusHeaders;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A subscriber on the Artemis bus, as the rest of the ingestion cycle would be. */
final class Bus implements AutoCloseable {

    static final String RAW_DATA = env("RAW_DATA_TOPIC_NAME", "kamea.raw-data");
    static final String REPORTED_STATE = env("REPORTED_STATE_TOPIC_NAME", "kamea.reported-state");

    private final ActiveMQConnectionFactory factory;
    private final Connection connection;
    private final Session session;
    private final MessageConsumer consumer;
    private final String subscription;

    /** A durable subscription: it keeps messages while nobody reads, e.g. across a test's restarts. */
    private Bus(String topic, String deviceId, String subscription) throws JMSException {
        factory = new ActiveMQConnectionFactory(env("BUS_CONNECTION_STRING", "tcp://127.0.0.1:61616"),
                env("BUS_USER", null), env("BUS_PASSWORD", null));
        this.subscription = subscription;
        connection = factory.createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        String selector = BusHeaders.DEVICE_ID + " = '" + deviceId + "'";
        consumer = session.createSharedDurableConsumer(session.createTopic(topic), subscription, selector);
        connection.start();
    }

    static Bus subscribe(String topic, String deviceId) throws JMSException {
        return new Bus(topic, deviceId, "e2e-" + deviceId);
    }

    /** Messages until {@code count} arrived or nothing came for {@code quietSeconds}. */
    List<Message> receive(int count, long quietSeconds) throws JMSException {
        List<Message> received = new ArrayList<>();
        while (received.size() < count) {
            Message message = consumer.receive(TimeUnit.SECONDS.toMillis(quietSeconds));
            if (message == null) {
                break;
            }
            received.add(message);
        }
        return received;
    }

    /**
     * Closes the connection but keeps the durable subscription: what is published meanwhile waits
     * in it for the next {@link #subscribe} with the same topic and device (e.g. across a bus restart).
     */
    void disconnect() throws JMSException {
        try {
            connection.close();
        } finally {
            factory.close();
        }
    }

    @Override
    public void close() throws JMSException {
        consumer.close();
        session.unsubscribe(subscription);
        connection.close();
        factory.close();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
