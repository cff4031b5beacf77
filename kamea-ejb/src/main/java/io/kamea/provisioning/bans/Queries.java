package io.kamea.provisioning.bans;

/** The JPQL of this package (strings, not named queries: see io.kamea.provisioning.Queries). */
final class Queries {

    static final String BY_FINGERPRINT = "select b from Ban b where b.fingerprintSha256 = :fingerprint";
    static final String BY_COMMON_NAME = "select b from Ban b where b.commonName = :commonName";
    static final String PAGE = "select b from Ban b order by b.createdAt desc, b.id";
    static final String COUNT = "select count(b) from Ban b";
    static final String FINGERPRINTS = "select b.fingerprintSha256 from Ban b where b.fingerprintSha256 is not null";
    static final String DEVICE_BY_INTERFACE_NAME =
            "select d.id from Device d where d.interfaceName = :interfaceName";
    static final String DEVICE_BY_CERTIFICATE =
            "select d.id from Device d where d.certificate.fingerprintSha256 = :fingerprint";

    /**
     * One writer of certificate bans at a time, cluster-wide, from its change to its commit: each
     * writes the broker's whole list as it read it, so the last list written is always the
     * latest. Readers are not blocked (EXCLUSIVE lets plain SELECTs through).
     */
    static final String LOCK = "LOCK TABLE device_ban IN EXCLUSIVE MODE";

    private Queries() {
    }
}
