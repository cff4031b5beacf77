package io.kamea.web.bans;

/**
 * Body of {@code POST /api/devices/{id}/ban}: {@code ban} is {@code certificate} (then
 * {@code fingerprintSha256}, which a self-signed device may leave out) or {@code common-name};
 * and the {@code reason}.
 */
public record DeviceBanRequest(String ban, String fingerprintSha256, String reason) {
}
