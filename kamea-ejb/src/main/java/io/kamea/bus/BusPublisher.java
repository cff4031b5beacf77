package io.kamea.bus;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Sends batches of persistent messages to a bus topic, each batch in one local transaction: one
 * commit, so one journal flush on the broker, however many messages. A blocking send per message
 * spends its time waiting for that flush (about 260 messages/s measured here).
 */
@ApplicationScoped
public class BusPublisher {

    private static final Logger LOG = Logger.getLogger(BusPublisher.class.getName());
    /** Artemis drops a message whose id it has already seen on the same address. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    @Inject
    BusSettings settings;

    private ActiveMQConnectionFactory factory;
    private Connection connection;
    /** Sessions are single-threaded: each batch borrows one. */
    private final ConcurrentLinkedQueue<Sender> idle = new ConcurrentLinkedQueue<>();

    /**
     * A transacted session and its producers, one per topic, kept from batch to batch: creating a
     * topic and a producer asks the broker each time (round trips that cost as much CPU as the
     * sends of a small batch, measured).
     */
    private static final class Sender {
        final Session session;
        private final Map<String, MessageProducer> producers = new HashMap<>();

        Sender(Session session) {
            this.session = session;
        }

        MessageProducer producer(String topic) throws JMSException {
            MessageProducer producer = producers.get(topic);
            if (producer == null) {
                producer = session.createProducer(session.createTopic(topic));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producers.put(topic, producer);
            }
            return producer;
        }
    }

    /** Sends all messages to the topic and commits, or throws and commits nothing. */
    public void publish(String topic, List<BusMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Sender sender = null;
        try {
            sender = borrow();
            MessageProducer producer = sender.producer(topic);
            for (BusMessage message : messages) {
                producer.send(toJms(sender.session, message));
            }
            sender.session.commit();
            idle.add(sender);
        } catch (JMSException | RuntimeException e) {
            discard(sender);
            reset();
            throw new BusUnavailableException("Cannot send " + messages.size() + " messages to " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the connection if there is none, then makes one round trip to the broker on it
     * (a session opened and closed); throws {@link BusUnavailableException} if either fails, and
     * the next batch connects again.
     */
    public void verifyConnection() {
        try {
            connection().createSession(false, Session.AUTO_ACKNOWLEDGE).close();
        } catch (JMSException | RuntimeException e) {
            reset();
            throw new BusUnavailableException("The bus at " + url() + " does not answer: " + e.getMessage(), e);
        }
    }

    /** Where the bus is ({@code BUS_CONNECTION_STRING}). */
    public String url() {
        return settings.url();
    }

    private static Message toJms(Session session, BusMessage message) throws JMSException {
        Message jms;
        if (message.text()) {
            jms = session.createTextMessage(new String(message.body(), StandardCharsets.UTF_8));
        } else {
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(message.body());
            jms = bytes;
        }
        for (Map.Entry<String, Object> property : message.properties().entrySet()) {
            jms.setObjectProperty(property.getKey(), property.getValue());
        }
        if (message.duplicateId() != null) {
            jms.setStringProperty(DUPLICATE_ID, message.duplicateId());
        }
        return jms;
    }

    private Sender borrow() throws JMSException {
        Sender sender = idle.poll();
        return sender != null ? sender : new Sender(connection().createSession(true, Session.SESSION_TRANSACTED));
    }

    private synchronized Connection connection() throws JMSException {
        if (connection == null) {
            if (factory == null) {
                factory = new ActiveMQConnectionFactory(settings.url(), settings.user().orElse(null),
                        settings.password().orElse(null));
            }
            Connection created = factory.createConnection();
            created.setExceptionListener(e -> {
                LOG.warning(() -> "Bus connection failed: " + e.getMessage());
                reset();
            });
            created.start();
            connection = created;
        }
        return connection;
    }

    /** Forgets the connection after a failure; the next batch connects again. */
    private synchronized void reset() {
        Connection failed = connection;
        connection = null;
        idle.clear();
        if (failed != null) {
            try {
                failed.close();
            } catch (JMSException e) {
                // already broken
            }
        }
    }

    private static void discard(Sender sender) {
        if (sender != null) {
            try {
                sender.session.close();
            } catch (JMSException e) {
                // closing a broken session
            }
        }
    }

    @PreDestroy
    void close() {
        reset();
        if (factory != null) {
            factory.close();
        }
    }
}
