package io.kamea.web.access.keys;

import io.kamea.access.ApiKeyPage;
import java.util.List;

/** One page of {@code GET /api/keys}. */
public record ApiKeyPageView(List<ApiKeyView> items, int page, int size, long total) {

    static ApiKeyPageView of(ApiKeyPage page) {
        return new ApiKeyPageView(page.items().stream().map(key -> ApiKeyView.of(key, null)).toList(), page.page(),
                page.size(), page.total());
    }
}
