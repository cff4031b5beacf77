package io.kamea.web.command;

import io.kamea.command.CommandPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a device's commands, newest first. */
@Schema(name = "CommandPage", description = "One page of a device's commands, newest first")
public record CommandPageView(List<CommandView> items, int page, int size,
                              @Schema(description = "How many commands the device has", format = "int64") long total) {

    static CommandPageView of(CommandPage page) {
        return new CommandPageView(page.items().stream().map(CommandView::of).toList(), page.page(), page.size(),
                page.total());
    }
}
