package io.kamea.ingestion.rabbitmq.adapter;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs each task on the thread that submits it. Given to amqp-client as a connection's consumer
 * dispatch executor, it makes the connection's reader thread call {@link QueueConsumer} itself.
 * With the default pool every delivery woke a dispatch thread: at paced rates, a context switch
 * per message (profiled at 3,250 msg/s: the dispatch threads took ~15 % of Payara's CPU, and
 * context switches are dear on virtual machines). This is safe because the consumer's callbacks
 * only take a short lock, buffer, and hand batches to the work manager or the delayer: they never
 * block and never make a synchronous channel call, which would wait for the reader thread itself.
 * amqp-client does not shut down an executor it was given; once shut down, this one refuses tasks.
 */
final class CallerRunsExecutor extends AbstractExecutorService {

    private volatile boolean shutdown;

    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("executor shut down");
        }
        task.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown; // nothing runs on threads of its own
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
