package dev.incidents.projection.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A maintenance window's moment noticed by the projection: its start is near, its start has come and it has not
 * started, or its end has passed and it is not completed ({@code repeat}: the how-manieth report of that overrun
 * after the first, 0 for the first and the other kinds). Its id is derived from window, kind, deadline and repeat,
 * so the same detection emitted again after a rebuild carries the same id.
 */
public record MaintenanceDetection(String detectionId, String maintenanceId, Kind kind, Instant deadline,
                                   Instant detectedAt, Duration lateBy, int repeat) {

    public enum Kind {
        MAINTENANCE_STARTING_SOON, MAINTENANCE_DUE_TO_START, MAINTENANCE_OVERRUN
    }

    static MaintenanceDetection of(MaintenanceView view, Kind kind, Instant deadline, int repeat, Instant at) {
        String name = view.maintenanceId() + "|" + kind + "|" + deadline.toEpochMilli() + "|" + repeat;
        return new MaintenanceDetection(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(),
                view.maintenanceId(), kind, deadline, at,
                at.isAfter(deadline) ? Duration.between(deadline, at) : Duration.ZERO, repeat);
    }
}
