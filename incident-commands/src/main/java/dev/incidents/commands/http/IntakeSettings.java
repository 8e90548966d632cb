package dev.incidents.commands.http;

import dev.incidents.commands.app.IncidentsConfig;
import dev.incidents.commands.domain.ComponentAdmission;
import dev.incidents.commands.intake.IntakeRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/** The monitors' intake settings, read once from {@code incidents.integrations.*}. */
@ApplicationScoped
public class IntakeSettings {

    private final IntakeRules rules;
    private final Map<String, String> integrationsByRoutingKey;
    private final ComponentAdmission.Unknown unknownComponents;

    IntakeSettings(IncidentsConfig config) {
        IncidentsConfig.Integrations integrations = config.integrations();
        this.rules = new IntakeRules(integrations.severityLabels(), integrations.defaultSeverity(),
                integrations.componentLabels(), config.maxComponents(), config.earliestTime());
        Map<String, String> byKey = new HashMap<>();
        integrations.pagerdutyRoutingKeys().forEach((name, key) -> byKey.put(key, name));
        this.integrationsByRoutingKey = Map.copyOf(byKey);
        this.unknownComponents = config.components().unknown().alerts();
    }

    IntakeRules rules() {
        return rules;
    }

    Map<String, String> integrationsByRoutingKey() {
        return integrationsByRoutingKey;
    }

    /** What an alert naming a component the catalog does not have gets. */
    ComponentAdmission.Unknown unknownComponents() {
        return unknownComponents;
    }
}
