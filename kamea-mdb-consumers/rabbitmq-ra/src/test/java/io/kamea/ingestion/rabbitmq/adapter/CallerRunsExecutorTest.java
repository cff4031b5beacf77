package io.kamea.ingestion.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallerRunsExecutorTest {

    @Test
    void runsEachTaskOnTheSubmittingThreadBeforeReturning() {
        CallerRunsExecutor executor = new CallerRunsExecutor();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        executor.execute(() -> ranOn.set(Thread.currentThread()));
        assertSame(Thread.currentThread(), ranOn.get());
    }

    @Test
    void refusesTasksOnceShutDown() {
        CallerRunsExecutor executor = new CallerRunsExecutor();
        executor.shutdown();
        assertTrue(executor.isShutdown() && executor.isTerminated());
        assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> { }));
    }
}
