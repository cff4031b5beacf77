package io.kamea.web.access.users;

import io.kamea.access.UserPage;
import java.util.List;

/** One page of {@code GET /api/users}. */
public record UserPageView(List<UserView> items, int page, int size, long total) {

    static UserPageView of(UserPage page) {
        return new UserPageView(page.items().stream().map(user -> UserView.of(user, null)).toList(), page.page(),
                page.size(), page.total());
    }
}
