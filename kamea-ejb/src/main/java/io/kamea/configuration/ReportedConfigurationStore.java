package io.kamea.configuration;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and replaces devices' reported configurations, a batch in one transaction. */
@Stateless
public class ReportedConfigurationStore {

    /** The latest document of a device, when it was received, and how many reports it ends. */
    public record Report(String document, OffsetDateTime reportedAt, int reports) {
    }

    @PersistenceContext
    EntityManager em;

    public Optional<ReportedConfiguration> current(String deviceId) {
        return Optional.ofNullable(em.find(ReportedConfiguration.class, deviceId));
    }

    public Map<String, ReportedConfiguration> current(Collection<String> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select r from ReportedConfiguration r where r.deviceId in :ids",
                        ReportedConfiguration.class)
                .setParameter("ids", deviceIds)
                .getResultStream()
                .collect(Collectors.toMap(ReportedConfiguration::getDeviceId, Function.identity()));
    }

    /** Stores each device's latest report; versions count every report, not every batch. */
    public void replaceAll(Map<String, Report> latest) {
        latest.forEach((deviceId, report) -> {
            ReportedConfiguration stored = em.find(ReportedConfiguration.class, deviceId);
            if (stored == null) {
                stored = new ReportedConfiguration(deviceId);
                em.persist(stored);
            }
            stored.replace(report.document(), report.reportedAt(), report.reports());
        });
    }
}
