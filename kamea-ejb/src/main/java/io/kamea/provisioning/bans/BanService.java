package io.kamea.provisioning.bans;

import io.kamea.broker.BannedCertificates;
import io.kamea.broker.BrokerAccounts;
import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.PageRequest;
import io.kamea.provisioning.CommonNames;
import io.kamea.provisioning.Device;
import io.kamea.provisioning.DeviceCertificate;
import io.kamea.provisioning.DeviceDisabling;
import io.kamea.provisioning.ProvisioningService;
import io.kamea.provisioning.ProvisioningType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Bans and lifts bans.
 *
 * <p>A certificate ban is enforced by the broker, during the TLS handshake: every change of the
 * certificate bans rewrites the broker's whole list ({@link BannedCertificates}) from this
 * database, in the transaction that made the change and under a table lock held to its commit
 * ({@link Queries#LOCK}). With several application servers, the lists are thus written in the
 * order of the changes, each holding every ban committed before it: a late writer can never put
 * back an older list. A transaction that fails after writing leaves the broker with the list the
 * operator asked for but the database does not hold; {@link BanSynchronisation} writes the
 * database's list again within a minute, and after a broker lost it. A banned certificate that is
 * a self-signed device's pinned one also disables that device: the broker accepts a pinned
 * certificate before it reads the list.
 *
 * <p>A common-name ban is enforced by Kamea: the broker asks Kamea about a certificate whose
 * common name it has no account for (io.kamea.brokerauth), which refuses a banned one, so it is
 * never auto-provisioned; the device that has that name, if any, is disabled
 * ({@link DeviceDisabling}), so its own account lets it in no more.
 *
 * <p>Lifting a ban enables nothing: a device disabled by it stays so until an operator enables it.
 */
@Stateless
public class BanService {

    private static final Logger LOG = Logger.getLogger(BanService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    BanList bans;

    @Inject
    BannedCertificates broker;

    @Inject
    BrokerAccounts accounts;

    @Inject
    DeviceDisabling disabling;

    @Inject
    ProvisioningService devices;

    Clock clock = Clock.systemUTC();

    /** Newest first. */
    public BanPage list(int page, int size) {
        var requested = new PageRequest(page, size);
        var items = requested.applyTo(em.createQuery(Queries.PAGE, Ban.class)).getResultList();
        long total = em.createQuery(Queries.COUNT, Long.class).getSingleResult();
        return new BanPage(items, page, size, total);
    }

    public Ban find(String id) {
        Ban ban = id == null ? null : em.find(Ban.class, id);
        if (ban == null) {
            throw new BanNotFoundException(id);
        }
        return ban;
    }

    /**
     * Bans one certificate, by its SHA-256 fingerprint ({@link Fingerprints}: either form). The
     * broker refuses it from the moment this returns; connections it already has stay open (the
     * broker does not say which certificate a connection presented): see
     * {@link #banDeviceCertificate}.
     */
    public Ban banCertificate(String fingerprintSha256, String reason) {
        String fingerprint = Fingerprints.normalised(fingerprintSha256);
        String why = Reasons.valid(reason);
        em.createNativeQuery(Queries.LOCK).executeUpdate();
        refuseDuplicate(bans.ofCertificate(fingerprint), "certificate " + fingerprint);
        Ban ban = persist(Ban.ofCertificate(fingerprint, why, now()));
        writeBrokerList();
        em.createQuery(Queries.DEVICE_BY_CERTIFICATE, String.class)
                .setParameter("fingerprint", Fingerprints.withColons(fingerprint))
                .getResultList()
                .forEach(disabling::disable);
        LOG.info(() -> "Banned " + ban.subject() + " (" + ban.getId() + "): " + why);
        return ban;
    }

    /**
     * Bans a certificate common name ({@link CommonNames#valid valid} as an interface name) and
     * disables the device known by that name, if there is one.
     */
    public Ban banCommonName(String commonName, String reason) {
        if (commonName == null || commonName.isEmpty()) {
            throw new InvalidRequestException("commonName or fingerprintSha256 is required");
        }
        String cn = CommonNames.valid(commonName);
        String why = Reasons.valid(reason);
        refuseDuplicate(bans.ofCommonName(cn), "common name '" + cn + "'");
        Ban ban = persist(Ban.ofCommonName(cn, why, now()));
        em.createQuery(Queries.DEVICE_BY_INTERFACE_NAME, String.class)
                .setParameter("interfaceName", cn)
                .getResultList()
                .forEach(disabling::disable);
        LOG.info(() -> "Banned " + ban.subject() + " (" + ban.getId() + "): " + why);
        return ban;
    }

    /**
     * Bans the certificate a device logs in with: given, or, for a self-signed device, the one
     * it uploaded (Kamea does not keep a CA-signed device's certificate). Then closes the device's
     * connections: the banned certificate's sessions end, and the device comes back only with
     * another certificate.
     */
    public Ban banDeviceCertificate(String deviceId, String fingerprintSha256, String reason) {
        Device device = certificateDevice(deviceId);
        DeviceCertificate uploaded = device.getCertificate();
        if (fingerprintSha256 == null && uploaded == null) {
            throw new InvalidRequestException("fingerprintSha256 is required: Kamea does not keep the certificate of a "
                    + "device provisioned '" + device.getProvisioning().wireName() + "'");
        }
        String fingerprint = fingerprintSha256 != null ? fingerprintSha256 : uploaded.getFingerprintSha256();
        Ban ban = banCertificate(fingerprint, reason);
        accounts.closeConnections(device.getInterfaceName());
        return ban;
    }

    /** Bans the common name of a device's certificate (its interface name), which disables it. */
    public Ban banDeviceCommonName(String deviceId, String reason) {
        return banCommonName(certificateDevice(deviceId).getInterfaceName(), reason);
    }

    /** Lifts a ban; the devices it disabled stay disabled. */
    public void lift(String id) {
        Ban ban = find(id);
        if (ban.isOfCertificate()) {
            em.createNativeQuery(Queries.LOCK).executeUpdate();
        }
        em.remove(ban);
        em.flush();
        if (ban.isOfCertificate()) {
            writeBrokerList();
        }
        LOG.info(() -> "Lifted the ban of " + ban.subject() + " (" + ban.getId() + ")");
    }

    /**
     * Writes the database's certificate bans to the broker if its list differs; true if it did.
     * Under the same lock as the changes, so that it cannot write a list older than theirs.
     */
    public boolean synchronise() {
        em.createNativeQuery(Queries.LOCK).executeUpdate();
        var fingerprints = bans.certificateFingerprints();
        if (!broker.differsFrom(fingerprints)) {
            return false;
        }
        broker.replace(fingerprints);
        return true;
    }

    private void writeBrokerList() {
        broker.replace(bans.certificateFingerprints());
    }

    private Device certificateDevice(String deviceId) {
        Device device = devices.find(deviceId);
        if (device.getProvisioning() == ProvisioningType.PASSWORD) {
            throw new InvalidRequestException("A password device has no certificate to ban; disable it instead");
        }
        return device;
    }

    private Ban persist(Ban ban) {
        em.persist(ban);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Banned by another request between our look and our insert.
            throw new DuplicateBanException(ban.subject(), null);
        }
        return ban;
    }

    private static void refuseDuplicate(Optional<Ban> existing, String subject) {
        if (existing.isPresent()) {
            throw new DuplicateBanException(subject, existing.get().getId());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
