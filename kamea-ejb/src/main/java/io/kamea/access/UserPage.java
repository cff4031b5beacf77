package io.kamea.access;

import java.util.List;

/** One page of built-in users, by name. */
public record UserPage(List<OperatorUser> items, int page, int size, long total) {
}
