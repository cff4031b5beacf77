package io.kamea.web.command;

import io.kamea.command.CommandPage;
import java.util.List;

/** One page of a device's commands, newest first. */
public record CommandPageView(List<CommandView> items, int page, int size, long total) {

    static CommandPageView of(CommandPage page) {
        return new CommandPageView(page.items().stream().map(CommandView::of).toList(), page.page(), page.size(),
                page.total());
    }
}
