package io.kamea.simulator;

import io.kamea.contract.BusHeaders;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Non-durable subscriber on the bus's raw-data topic (Artemis, JMS): counts this run's telemetry
 * and its latency from the device's send time to its arrival here. It also splits the latency at
 * {@link BusHeaders#RECEIVED_AT}, the moment the ingestion took the message from RabbitMQ (ms).
 */
public final class BusSubscriber implements Receiver {

    static final String RECEIVED_AT = BusHeaders.RECEIVED_AT;

    private final String url;
    private final String user;
    private final String password;
    private final String topic;
    private final Reception reception;
    private final LatencyHistogram toIngestion = new LatencyHistogram();
    private final AtomicLong intervalMaxToIngestion = new AtomicLong();
    private final AtomicLong intervalMaxFromIngestion = new AtomicLong();
    private ActiveMQConnectionFactory factory;
    private Connection connection;

    /** A subscriber to {@code topic} on the Artemis broker at {@code url}. */
    public BusSubscriber(String url, String user, String password, String topic, Payload payload) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.topic = topic;
        this.reception = new Reception(payload);
    }

    @Override
    public String name() {
        return "bus " + topic;
    }

    @Override
    public void start() throws JMSException {
        factory = new ActiveMQConnectionFactory(url, user, password);
        connection = factory.createConnection();
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createTopic(topic));
        consumer.setMessageListener(this::onMessage);
        connection.start();
    }

    private void onMessage(Message message) {
        try {
            if (!(message instanceof BytesMessage bytes)) {
                return;
            }
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            long sent = reception.received(body);
            if (sent > 0 && message.propertyExists(RECEIVED_AT)) {
                long ingested = message.getLongProperty(RECEIVED_AT) * 1000;
                if (reception.sentInWindow(sent)) {
                    toIngestion.record(ingested - sent);
                }
                intervalMaxToIngestion.accumulateAndGet(ingested - sent, Math::max);
                intervalMaxFromIngestion.accumulateAndGet(Payload.nowMicros() - ingested, Math::max);
            }
        } catch (JMSException | RuntimeException e) {
            System.err.println("bus subscriber: " + e);
        }
    }

    @Override
    public Reception reception() {
        return reception;
    }

    @Override
    public String details() {
        return String.format("to_ingestion_p50_ms=%.1f to_ingestion_p99_ms=%.1f",
                toIngestion.percentileMillis(0.50), toIngestion.percentileMillis(0.99));
    }

    /** The interval's longest waits before and after the ingestion took a message (not one message's). */
    @Override
    public String progress() {
        return String.format(" max_to_ingestion_ms=%.1f max_from_ingestion_ms=%.1f",
                intervalMaxToIngestion.getAndSet(0) / 1000.0, intervalMaxFromIngestion.getAndSet(0) / 1000.0);
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (JMSException e) {
            System.err.println("bus subscriber close: " + e.getMessage());
        }
        if (factory != null) {
            factory.close();
        }
    }
}
