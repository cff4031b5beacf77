package io.kamea.access;

/** A key just made: {@code key} is the whole key, shown to its creator this once and never kept. */
public record IssuedApiKey(ApiKey apiKey, String key) {
}
