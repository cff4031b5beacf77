package io.kamea.web.bans;

/**
 * Body of {@code POST /api/bans}: {@code fingerprintSha256} (a certificate) or {@code commonName},
 * one of the two, and the {@code reason}.
 */
public record BanRequest(String fingerprintSha256, String commonName, String reason) {
}
