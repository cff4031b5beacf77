package io.kamea.web.bans;

import io.kamea.provisioning.bans.BanPage;
import java.util.List;

/** One page of {@code GET /api/bans}. */
public record BanPageView(List<BanView> items, int page, int size, long total) {

    static BanPageView of(BanPage page) {
        return new BanPageView(page.items().stream().map(BanView::of).toList(), page.page(), page.size(), page.total());
    }
}
