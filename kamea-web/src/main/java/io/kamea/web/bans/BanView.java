package io.kamea.web.bans;

import io.kamea.provisioning.bans.Ban;

/**
 * A ban as the API shows it: {@code fingerprintSha256} (64 lower-case hex digits, as the broker
 * compares it) for a certificate ban, {@code commonName} for a common-name ban; the other is
 * absent.
 */
public record BanView(String id, String fingerprintSha256, String commonName, String reason, String createdAt) {

    static BanView of(Ban ban) {
        return new BanView(ban.getId(), ban.getFingerprintSha256(), ban.getCommonName(), ban.getReason(),
                ban.getCreatedAt().toInstant().toString());
    }
}
