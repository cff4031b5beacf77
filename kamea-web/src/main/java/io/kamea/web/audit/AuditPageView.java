package io.kamea.web.audit;

import io.kamea.access.AuditPage;
import java.util.List;

/** One page of {@code GET /api/audit}, newest first. */
public record AuditPageView(List<AuditEntryView> items, int page, int size, long total) {

    static AuditPageView of(AuditPage page) {
        return new AuditPageView(page.items().stream().map(AuditEntryView::of).toList(), page.page(), page.size(),
                page.total());
    }
}
