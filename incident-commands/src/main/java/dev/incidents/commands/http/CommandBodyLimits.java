package dev.incidents.commands.http;

import dev.incidents.commands.app.IncidentsConfig;
import dev.incidents.support.http.BodyLimits;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Commands are small (64 KiB by default); a monitor's notification of a large alert group is not, so the intake
 * under {@value #INTAKE} takes up to the HTTP limit (512 KiB, PagerDuty's own).
 */
@ApplicationScoped
public class CommandBodyLimits implements BodyLimits {

    static final String INTAKE = "/integrations/";

    private final long commandBodyLimit;

    CommandBodyLimits(IncidentsConfig config) {
        this.commandBodyLimit = config.commandBodyLimit().asLongValue();
    }

    @Override
    public long maxBodySize(String path) {
        return path.startsWith(INTAKE) ? Long.MAX_VALUE : commandBodyLimit;
    }
}
