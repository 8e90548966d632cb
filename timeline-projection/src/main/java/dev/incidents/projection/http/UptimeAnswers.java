package dev.incidents.projection.http;

import dev.incidents.projection.domain.StatusBoard;
import dev.incidents.projection.domain.Uptime;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every listed component's uptime, reckoned once per board: while the board is reused
 * ({@code incidents.status-page.cache-for}), so are its uptimes, however many readers ask.
 */
@ApplicationScoped
public class UptimeAnswers {

    private record Reckoned(StatusBoard board, int days, List<UptimeShape.ComponentUptime> uptimes) {
    }

    private final AtomicReference<Reckoned> last = new AtomicReference<>();

    List<UptimeShape.ComponentUptime> of(StatusBoard board, int days) {
        Reckoned reckoned = last.get();
        if (reckoned != null && reckoned.board() == board && reckoned.days() == days) {
            return reckoned.uptimes();
        }
        List<UptimeShape.ComponentUptime> uptimes = board.components().stream()
                .map(component -> UptimeShape.of(component, Uptime.of(component.id(), board.incidents(),
                        board.at(), days)))
                .toList();
        last.set(new Reckoned(board, days, uptimes));
        return uptimes;
    }
}
