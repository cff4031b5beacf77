package io.kamea.provisioning.bans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Reads the bans, for whoever must not let a banned certificate or common name in: the broker's
 * questions (io.kamea.brokerauth), provisioning and enabling a device. Depends on nothing but the
 * database, so that those can ask it without depending on {@link BanService}.
 */
@ApplicationScoped
public class BanList {

    @PersistenceContext
    EntityManager em;

    public Optional<Ban> ofCommonName(String commonName) {
        if (commonName == null) {
            return Optional.empty();
        }
        return em.createQuery(Queries.BY_COMMON_NAME, Ban.class).setParameter("commonName", commonName)
                .getResultStream().findFirst();
    }

    /** The ban of a certificate, its fingerprint written either way (see {@link Fingerprints}). */
    public Optional<Ban> ofCertificate(String fingerprint) {
        if (fingerprint == null) {
            return Optional.empty();
        }
        return em.createQuery(Queries.BY_FINGERPRINT, Ban.class)
                .setParameter("fingerprint", Fingerprints.normalised(fingerprint))
                .getResultStream().findFirst();
    }

    /**
     * Throws {@link BannedException} (409) if this common name, or this certificate (null for
     * none), is banned.
     */
    public void refuseBanned(String commonName, String certificateFingerprint) {
        Optional<Ban> ban = ofCommonName(commonName).or(() -> ofCertificate(certificateFingerprint));
        if (ban.isPresent()) {
            throw new BannedException(ban.get());
        }
    }

    /** Every banned certificate's fingerprint, as the broker compares them. */
    List<String> certificateFingerprints() {
        return em.createQuery(Queries.FINGERPRINTS, String.class).getResultList();
    }
}
