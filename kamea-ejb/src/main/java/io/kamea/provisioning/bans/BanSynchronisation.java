package io.kamea.provisioning.bans;

import io.kamea.broker.BrokerUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, and a few seconds after start, makes the broker's banned certificates those of
 * the database ({@link BanService#synchronise}): a ban change whose transaction failed after it
 * wrote the broker's list, and a broker that lost its runtime parameters (a node reset or
 * replaced), are set right within {@link #PERIOD}. Every application server does it: each check
 * is one read of the list and one of the broker's, under the lock the changes take.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BanSynchronisation {

    static final Duration PERIOD = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(BanSynchronisation.class.getName());

    @Resource
    TimerService timers;

    @Inject
    BanService bans;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean brokerWasDown;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(5_000, PERIOD.toMillis(), new TimerConfig("kamea-ban-synchronisation", false));
    }

    /** Outside a transaction: a failed check must not make the container retry the timeout at once. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimeout() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            if (bans.synchronise()) {
                LOG.warning("The broker's banned certificates differed from Kamea's bans; rewritten");
            }
            if (brokerWasDown) {
                brokerWasDown = false;
                LOG.info("Bans: the broker answers again");
            }
        } catch (BrokerUnavailableException e) {
            if (!brokerWasDown) {
                brokerWasDown = true;
                LOG.warning(() -> "Bans: cannot compare the broker's banned certificates with Kamea's ("
                        + e.getMessage() + "); trying again every " + PERIOD.toSeconds() + " s");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Bans: synchronisation with the broker failed", e);
        } finally {
            running.set(false);
        }
    }
}
