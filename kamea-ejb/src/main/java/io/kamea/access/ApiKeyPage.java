package io.kamea.access;

import java.util.List;

/** One page of API keys, newest first. */
public record ApiKeyPage(List<ApiKey> items, int page, int size, long total) {
}
