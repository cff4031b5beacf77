package io.kamea.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Leases on the real PostgreSQL, with "servers" played by holder names. */
@ExtendWith(ArquillianExtension.class)
class ClusterLeasesIT {

    private static final Duration LONG = Duration.ofMinutes(5);

    @Inject
    ClusterLeases leases;

    @Resource(lookup = "jdbc/kamea")
    DataSource dataSource;

    private final String lease = "it-" + UUID.randomUUID();

    @Deployment
    static WebArchive deployment() {
        return ArquillianWars.kameaEjb(ArquillianWars.UNREACHABLE_BROKER);
    }

    @AfterEach
    void removeLease() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM cluster_lease WHERE name = ?")) {
            delete.setString(1, lease);
            delete.executeUpdate();
        }
    }

    @Test
    void oneHolderUntilItExpires() throws InterruptedException {
        assertTrue(leases.tryTake(lease, "server-a", Duration.ofSeconds(1)), "the first asker creates it");
        assertFalse(leases.tryTake(lease, "server-b", LONG), "held by a");
        assertTrue(leases.tryTake(lease, "server-a", Duration.ofSeconds(1)), "the holder renews it");

        Thread.sleep(1_200);

        assertTrue(leases.tryTake(lease, "server-b", LONG), "expired: b takes it over");
        assertFalse(leases.tryTake(lease, "server-a", LONG), "a lost it");
    }

    @Test
    void concurrentFirstAskersGetOneLease() throws Exception {
        int servers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(servers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                String holder = "server-" + i;
                Callable<Boolean> ask = () -> {
                    start.await();
                    return leases.tryTake(lease, holder, LONG);
                };
                answers.add(pool.submit(ask));
            }
            start.countDown();
            int holders = 0;
            for (Future<Boolean> answer : answers) {
                holders += answer.get() ? 1 : 0;
            }
            assertEquals(1, holders);
        } finally {
            pool.shutdownNow();
        }
    }
}
