package io.kamea.ingestion.rabbitmq.adapter;

/** Runs a task once after a delay (the connector's {@code BootstrapContext} timer in production). */
@FunctionalInterface
interface Delayer {
    void schedule(Runnable task, long delayMillis);
}
