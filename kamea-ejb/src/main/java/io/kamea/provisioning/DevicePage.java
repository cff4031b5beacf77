package io.kamea.provisioning;

import java.util.List;

/** One page of devices, newest first. */
public record DevicePage(List<Device> items, int page, int size, long total) {
}
