package io.kamea.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds devices by interface name, the name the broker knows them by, for the ingestion path.
 * Thousands of messages a second name the same few devices, so answers are cached for a minute;
 * removing a device forgets it at once. A plain CDI bean, not an EJB singleton: it is called for
 * every batch and every command answer, and Payara's singleton invocation was a visible part of
 * a command's CPU (thread dumps under load); its state is a concurrent map.
 */
@ApplicationScoped
public class DeviceDirectory {

    /** What ingestion needs to know about a device. */
    public record DeviceInfo(String id, String name, String interfaceName, String codec) {
    }

    private record Entry(DeviceInfo device, Instant expires) {
    }

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /** The devices among these interface names; names of no device are absent from the answer. */
    public Map<String, DeviceInfo> byInterfaceNames(Collection<String> interfaceNames) {
        Instant now = clock.instant();
        Map<String, DeviceInfo> found = new HashMap<>();
        Set<String> missing = new java.util.HashSet<>();
        for (String name : interfaceNames) {
            Entry entry = cache.get(name);
            if (entry != null && entry.expires().isAfter(now)) {
                found.put(name, entry.device());
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, DeviceInfo> loaded = em.createQuery(Queries.DEVICES_BY_INTERFACE_NAMES, Device.class)
                    .setParameter("names", missing)
                    .getResultStream()
                    .map(d -> new DeviceInfo(d.getId(), d.getName(), d.getInterfaceName(), d.getCodec()))
                    .collect(Collectors.toMap(DeviceInfo::interfaceName, d -> d));
            Instant expires = now.plus(TIME_TO_LIVE);
            loaded.values().forEach(d -> cache.put(d.interfaceName(), new Entry(d, expires)));
            found.putAll(loaded);
        }
        return found;
    }

    public Optional<DeviceInfo> byInterfaceName(String interfaceName) {
        return Optional.ofNullable(byInterfaceNames(Set.of(interfaceName)).get(interfaceName));
    }

    public void forget(String interfaceName) {
        cache.remove(interfaceName);
    }
}
