package io.kamea.provisioning;

import io.kamea.broker.BrokerAccounts;
import io.kamea.broker.BrokerUnavailableException;
import io.kamea.broker.RabbitManagementApi.ExistingUser;
import io.kamea.broker.ServiceAccounts;
import io.kamea.platform.LogSafe;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Tags the broker accounts of devices provisioned before Kamea tagged them ({@code kamea-device},
 * and the certificate pin of a self-signed device): the broker's guard refuses a certificate login
 * to an untagged user, and an untagged self-signed device would no longer be let in. Runs once
 * after each start, off the start-up path: one listing of the broker's users, then one update per
 * untagged device account (none once done). A broker user that is not one of Kamea's devices, or
 * that bears a service account's name, is left alone.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DeviceAccountUpgrade {

    private static final Logger LOG = Logger.getLogger(DeviceAccountUpgrade.class.getName());

    /** Devices looked up per query (a bound list of names). */
    static final int BATCH = 500;
    static final long RETRY_MILLIS = 30_000;

    @Resource
    TimerService timers;

    @Inject
    BrokerAccounts broker;

    @Inject
    ServiceAccounts serviceAccounts;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void scheduleOnce() {
        timers.createSingleActionTimer(1_000, new TimerConfig(null, false));
    }

    @Timeout
    void upgrade() {
        try {
            int tagged = tagUntaggedDevices();
            if (tagged > 0) {
                LOG.info(() -> tagged + " device broker account(s) tagged as devices");
            }
        } catch (BrokerUnavailableException e) {
            LOG.warning(() -> "Cannot tag the devices' broker accounts yet, retrying in 30 s: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
        }
    }

    int tagUntaggedDevices() {
        Map<String, ExistingUser> untagged = broker.untaggedUsers().stream()
                .filter(u -> !serviceAccounts.isServiceName(u.name()))
                .collect(Collectors.toMap(ExistingUser::name, Function.identity(), (a, b) -> a));
        List<String> names = List.copyOf(untagged.keySet());
        int tagged = 0;
        for (int from = 0; from < names.size(); from += BATCH) {
            List<Device> devices = em.createQuery(Queries.DEVICES_BY_INTERFACE_NAMES, Device.class)
                    .setParameter("names", names.subList(from, Math.min(names.size(), from + BATCH)))
                    .getResultList();
            for (Device device : devices) {
                DeviceCertificate certificate = device.getCertificate();
                broker.tagAsDevice(untagged.get(device.getInterfaceName()),
                        certificate == null ? null : certificate.getFingerprintSha256());
                LOG.fine(() -> "Tagged the broker account of " + LogSafe.quote(device.getInterfaceName()));
                tagged++;
            }
        }
        return tagged;
    }
}
