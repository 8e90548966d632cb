package dev.incidents.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTest {

    @Test
    void metric_names_are_what_is_left_of_an_expression_without_functions_labels_ranges_and_groupings() {
        assertThat(AlertRules.metricNames("max by (job, client_id) (kafka_consumer_lag{client_id=~\"a|b\"}) > 1000 "
                + "and deriv(max by (job) (kafka_consumer_lag)[10m:1m]) > 0 unless on (job) up == 0"))
                .containsExactly("kafka_consumer_lag");
        assertThat(AlertRules.metricNames("sum(increase(incident_detections_total{kind=\"RCA_OVERDUE\"}[1h])) / "
                + "sum(incident_promises_overdue)"))
                .containsExactly("incident_detections_total", "incident_promises_overdue");
    }

    @Test
    void the_rules_of_a_service_include_those_for_every_service() {
        assertThat(AlertRules.metricsUsedBy("notifier-service"))
                .contains("notifier_deliveries_total", "incident_readiness_up", "incident_dead_letters_total")
                .doesNotContain("incident_promises_overdue", "up");
    }
}
