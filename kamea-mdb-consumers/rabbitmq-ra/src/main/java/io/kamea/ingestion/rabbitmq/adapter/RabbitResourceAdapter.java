package io.kamea.ingestion.rabbitmq.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * Kamea's inbound RabbitMQ resource adapter (declared in {@code META-INF/ra.xml}). Each
 * activation of a message-driven bean implementing
 * {@link io.kamea.ingestion.rabbitmq.RabbitMessageListener} consumes one queue; see
 * {@link RabbitActivationSpec} for the bean's properties and {@link ConnectionSettings} for the
 * configuration keys of the broker connection.
 */
public class RabbitResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RabbitResourceAdapter.class.getName());
    static final Duration DEACTIVATION_TIMEOUT = Duration.ofSeconds(30);

    /** An activation: the bean's endpoint factory and the spec it was activated with. */
    private record EndpointKey(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    private final transient Map<EndpointKey, EndpointActivation> activations = new ConcurrentHashMap<>();
    private final transient Supplier<ConnectionOpener> openers;
    private final transient Delayer delayerOverride;
    private final transient Duration deactivationTimeout;
    private transient volatile BootstrapContext context;
    private transient volatile Timer timer;

    public RabbitResourceAdapter() {
        this(() -> {
            ConnectionSettings settings = ConnectionSettings.fromConfig();
            LOG.info("RabbitMQ consumers connect to " + settings);
            return settings.opener();
        }, null, DEACTIVATION_TIMEOUT);
    }

    /** For tests: a connection source, a delayer instead of the bootstrap timer, a deactivation bound. */
    RabbitResourceAdapter(Supplier<ConnectionOpener> openers, Delayer delayer, Duration deactivationTimeout) {
        this.openers = openers;
        this.delayerOverride = delayer;
        this.deactivationTimeout = deactivationTimeout;
    }

    @Override
    public void start(BootstrapContext bootstrapContext) throws ResourceAdapterInternalException {
        this.context = bootstrapContext;
        if (delayerOverride == null) {
            try {
                timer = bootstrapContext.createTimer();
            } catch (UnavailableException e) {
                throw new ResourceAdapterInternalException("no timer from the container for the retry back-off", e);
            }
        }
    }

    @Override
    public void stop() {
        activations.keySet().forEach(key -> endpointDeactivation(key.factory(), key.spec()));
        Timer t = timer;
        if (t != null) {
            t.cancel();
        }
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof RabbitActivationSpec rabbitSpec)) {
            throw new NotSupportedException("not a RabbitActivationSpec: " + spec);
        }
        BootstrapContext ctx = context;
        if (ctx == null) {
            throw new ResourceAdapterInternalException("the resource adapter is not started");
        }
        rabbitSpec.applyOverrides(AdapterSettings::configured);
        rabbitSpec.validate();
        ConnectionOpener opener;
        try {
            opener = openers.get();
        } catch (RuntimeException e) {
            throw new ResourceException("RabbitMQ connection settings: " + e.getMessage(), e);
        }
        EndpointKey key = new EndpointKey(factory, spec);
        EndpointActivation activation = new EndpointActivation(factory, rabbitSpec, ctx.getWorkManager(), delayer(),
                opener, deactivationTimeout);
        if (activations.putIfAbsent(key, activation) != null) {
            throw new ResourceException("endpoint already active on queue " + rabbitSpec.getQueue());
        }
        try {
            activation.start();
        } catch (WorkException e) {
            activations.remove(key);
            throw new ResourceException("cannot schedule the connection to queue " + rabbitSpec.getQueue(), e);
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        EndpointActivation activation = activations.remove(new EndpointKey(factory, spec));
        if (activation != null) {
            activation.stop();
        }
    }

    /** No XA: a batch is acknowledged after the bean's transaction committed. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
    }

    private Delayer delayer() {
        if (delayerOverride != null) {
            return delayerOverride;
        }
        return (task, delayMillis) -> {
            Timer t = timer;
            if (t == null) {
                return;
            }
            try {
                t.schedule(new TimerTask() {
                    @Override
                    public void run() {
                        try {
                            task.run();
                        } catch (RuntimeException e) { // a failing task must not kill the shared timer
                            LOG.warning("delayed task (back-off or batch linger) failed: " + e);
                        }
                    }
                }, delayMillis);
            } catch (IllegalStateException stopped) {
                // timer cancelled: the adapter is stopping
            }
        };
    }

    /** The activation of a bean, if active (for tests). */
    EndpointActivation activation(MessageEndpointFactory factory, ActivationSpec spec) {
        return activations.get(new EndpointKey(factory, spec));
    }

    // Declared for the archive validation of some containers (IronJacamar on WildFly checks that a
    // ResourceAdapter declares both); identity on purpose: each deployment has its own adapter.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
