package io.kamea.ingestion.rabbitmq.adapter;

import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.RabbitMessageListener;
import io.kamea.ingestion.rabbitmq.Rejection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Timer;
import java.util.function.Function;
import javax.transaction.xa.XAResource;

/** Hand-written fakes of the container side: endpoint factory, work manager, bootstrap context, delayer. */
final class Fakes {

    private Fakes() {
    }

    /** Records every container call and every broker call the tests append, in order. */
    static final List<String> newEvents() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /** An endpoint factory whose endpoints run {@code behaviour} and record the call sequence. */
    static final class EndpointFactory implements MessageEndpointFactory {
        final List<String> events;
        final List<List<RabbitMessage>> batches = Collections.synchronizedList(new ArrayList<>());
        volatile Function<List<RabbitMessage>, List<Rejection>> behaviour = batch -> List.of();

        EndpointFactory(List<String> events) {
            this.events = events;
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
            events.add("createEndpoint");
            return new Endpoint(this);
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
            return createEndpoint(xaResource);
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return "test-activation";
        }

        @Override
        public Class<?> getEndpointClass() {
            return Endpoint.class;
        }
    }

    static final class Endpoint implements MessageEndpoint, RabbitMessageListener {
        private final EndpointFactory factory;

        Endpoint(EndpointFactory factory) {
            this.factory = factory;
        }

        @Override
        public List<Rejection> onMessages(List<RabbitMessage> batch) {
            factory.events.add("onMessages:" + batch.size());
            factory.batches.add(batch);
            return factory.behaviour.apply(batch);
        }

        @Override
        public void beforeDelivery(Method method) throws NoSuchMethodException, ResourceException {
            factory.events.add("beforeDelivery:" + method.getName());
        }

        @Override
        public void afterDelivery() throws ResourceException {
            factory.events.add("afterDelivery");
        }

        @Override
        public void release() {
            factory.events.add("release");
        }
    }

    /** Runs work at once on the calling thread, or (held) queues it until {@link #runNext}. */
    static final class WorkManagerFake implements WorkManager {
        final ArrayDeque<Work> queued = new ArrayDeque<>();
        boolean hold;

        synchronized boolean runNext() {
            Work work = queued.pollFirst();
            if (work == null) {
                return false;
            }
            work.run();
            return true;
        }

        private void accept(Work work) {
            if (hold) {
                synchronized (this) {
                    queued.addLast(work);
                }
            } else {
                work.run();
            }
        }

        @Override
        public void doWork(Work work) {
            work.run();
        }

        @Override
        public void doWork(Work work, long startTimeout, ExecutionContext ctx, WorkListener listener) {
            work.run();
        }

        @Override
        public long startWork(Work work) {
            accept(work);
            return 0;
        }

        @Override
        public long startWork(Work work, long startTimeout, ExecutionContext ctx, WorkListener listener) {
            accept(work);
            return 0;
        }

        @Override
        public void scheduleWork(Work work) {
            accept(work);
        }

        @Override
        public void scheduleWork(Work work, long startTimeout, ExecutionContext ctx, WorkListener listener) {
            accept(work);
        }
    }

    static final class Context implements BootstrapContext {
        final WorkManager workManager;

        Context(WorkManager workManager) {
            this.workManager = workManager;
        }

        @Override
        public WorkManager getWorkManager() {
            return workManager;
        }

        @Override
        public XATerminator getXATerminator() {
            return null;
        }

        @Override
        public Timer createTimer() {
            return new Timer(true);
        }

        @Override
        public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
            return false;
        }

        @Override
        public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
            return null;
        }
    }

    /** Records requested delays; the tasks run only when the test says so. */
    static final class DelayerFake implements Delayer {
        final List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void schedule(Runnable task, long delayMillis) {
            delays.add(delayMillis);
            tasks.addLast(task);
        }

        void runAll() {
            Runnable task;
            while ((task = poll()) != null) {
                task.run();
            }
        }

        private synchronized Runnable poll() {
            return tasks.pollFirst();
        }
    }
}
