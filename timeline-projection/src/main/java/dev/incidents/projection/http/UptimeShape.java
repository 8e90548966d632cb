package dev.incidents.projection.http;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.incidents.projection.domain.StatusBoard;
import dev.incidents.projection.domain.Uptime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A component's uptime as JSON, in Statuspage's naming style: minutes per condition per day and in total, and the
 * uptime percentage. A minute begun counts, so even a short outage shows on its day.
 */
final class UptimeShape {

    private UptimeShape() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Component(String id, String name, String groupName) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Minutes(long majorOutageMinutes, long partialOutageMinutes, long degradedPerformanceMinutes) {

        Minutes plus(Minutes other) {
            return new Minutes(majorOutageMinutes + other.majorOutageMinutes,
                    partialOutageMinutes + other.partialOutageMinutes,
                    degradedPerformanceMinutes + other.degradedPerformanceMinutes);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Day(LocalDate date, long majorOutageMinutes, long partialOutageMinutes,
               long degradedPerformanceMinutes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ComponentUptime(Component component, int days, BigDecimal uptimePercent, Minutes totals,
                           List<Day> history) {
    }

    static ComponentUptime of(StatusBoard.ComponentState component, Uptime.ComponentUptime uptime) {
        List<Day> history = uptime.days().stream().map(day -> new Day(day.date(),
                minutes(day.majorOutageSeconds()), minutes(day.partialOutageSeconds()),
                minutes(day.degradedPerformanceSeconds()))).toList();
        Minutes totals = history.stream().map(day -> new Minutes(day.majorOutageMinutes(),
                day.partialOutageMinutes(), day.degradedPerformanceMinutes()))
                .reduce(new Minutes(0, 0, 0), Minutes::plus);
        return new ComponentUptime(new Component(component.id(), component.name(), component.group()),
                history.size(), BigDecimal.valueOf(uptime.uptimePercent()).setScale(3, RoundingMode.DOWN), totals,
                history);
    }

    private static long minutes(long seconds) {
        return (seconds + 59) / 60;
    }
}
