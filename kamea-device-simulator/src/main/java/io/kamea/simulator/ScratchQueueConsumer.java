package io.kamea.simulator;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The broker alone: a scratch durable classic queue (like {@code kamea.telemetry}) bound to
 * {@code amq.topic}, in a scratch vhost of its own (so nothing of Kamea's sees the messages),
 * drained over AMQPS by a plain amqp-client consumer
 * that acknowledges like the resource adapter does (manual acks, {@code multiple} every
 * {@value #ACK_EVERY} messages, same prefetch). The queue is deleted on close, and expires by
 * itself ({@code x-expires}) if the simulator dies first.
 */
public final class ScratchQueueConsumer implements Receiver {

    static final int ACK_EVERY = 100;
    static final int EXPIRES_MILLIS = 600_000;

    private final ConnectionFactory factory = new ConnectionFactory();
    private final String queue;
    private final String bindingKey;
    private final int prefetch;
    private final Reception reception;
    private final ScheduledExecutorService acker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scratch-queue-acker");
        t.setDaemon(true);
        return t;
    });
    private final Object ackLock = new Object();
    private long lastTag;
    private long ackedTag;
    private Connection connection;
    private Channel channel;

    /**
     * @param queue the scratch queue's name (declared here)
     * @param bindingKey its binding on {@code amq.topic}
     */
    public ScratchQueueConsumer(String host, int port, String vhost, String user, String password, SSLContext tls,
                                String queue, String bindingKey, int prefetch, Payload payload) {
        factory.setHost(host);
        factory.setPort(port);
        factory.setVirtualHost(vhost);
        factory.setUsername(user);
        factory.setPassword(password);
        factory.useSslProtocol(tls);
        factory.enableHostnameVerification();
        this.queue = queue;
        this.bindingKey = bindingKey;
        this.prefetch = prefetch;
        this.reception = new Reception(payload);
    }

    @Override
    public String name() {
        return "AMQP queue " + queue;
    }

    @Override
    public void start() throws Exception {
        connection = factory.newConnection("kamea-simulator-scratch");
        channel = connection.createChannel();
        channel.queueDeclare(queue, true, false, false,
                Map.of("x-queue-type", "classic", "x-expires", EXPIRES_MILLIS));
        channel.queueBind(queue, "amq.topic", bindingKey);
        channel.basicQos(prefetch);
        channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                reception.received(body);
                synchronized (ackLock) {
                    lastTag = envelope.getDeliveryTag();
                    if (lastTag - ackedTag >= ACK_EVERY) {
                        ackLocked();
                    }
                }
            }
        });
        // a trickle below ACK_EVERY must not sit unacknowledged (it would block at the prefetch)
        acker.scheduleWithFixedDelay(() -> {
            synchronized (ackLock) {
                try {
                    ackLocked();
                } catch (IOException | RuntimeException e) {
                    System.err.println("scratch queue ack: " + e.getMessage());
                }
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
    }

    private void ackLocked() throws IOException {
        if (lastTag > ackedTag && channel.isOpen()) {
            channel.basicAck(lastTag, true);
            ackedTag = lastTag;
        }
    }

    @Override
    public Reception reception() {
        return reception;
    }

    /** Deletes the scratch queue (and so its binding) and disconnects. */
    @Override
    public void close() {
        acker.shutdownNow();
        try {
            if (channel != null && channel.isOpen()) {
                channel.queueDelete(queue);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("scratch queue delete " + queue + ": " + e.getMessage());
        }
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("scratch queue close: " + e.getMessage());
        }
    }
}
