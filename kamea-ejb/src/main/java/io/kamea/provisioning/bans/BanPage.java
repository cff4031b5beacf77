package io.kamea.provisioning.bans;

import java.util.List;

/** One page of bans, newest first. */
public record BanPage(List<Ban> items, int page, int size, long total) {
}
