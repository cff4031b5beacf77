package io.kamea.web.provisioning;

import io.kamea.provisioning.DevicePage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of {@code GET /api/devices}. */
@Schema(name = "DevicePage", description = "One page of devices, newest first")
public record DevicePageView(List<DeviceView> items, int page, int size,
                             @Schema(description = "How many devices match, over all pages", format = "int64")
                             long total) {

    static DevicePageView of(DevicePage page) {
        return new DevicePageView(page.items().stream().map(DeviceView::of).toList(),
                page.page(), page.size(), page.total());
    }
}
