package io.kamea.web.provisioning;

import io.kamea.provisioning.DevicePage;
import java.util.List;

/** One page of {@code GET /api/devices}. */
public record DevicePageView(List<DeviceView> items, int page, int size, long total) {

    static DevicePageView of(DevicePage page) {
        return new DevicePageView(page.items().stream().map(DeviceView::of).toList(),
                page.page(), page.size(), page.total());
    }
}
