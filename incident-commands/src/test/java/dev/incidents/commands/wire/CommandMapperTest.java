package dev.incidents.commands.wire;

import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.AlertSignal;
import dev.incidents.commands.domain.Audience;
import dev.incidents.commands.domain.CorrectiveAction;
import dev.incidents.commands.domain.IncidentCommand;
import dev.incidents.commands.domain.IncidentStatus;
import dev.incidents.commands.domain.Severity;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandMapperTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static final List<IncidentCommand> ONE_OF_EACH = List.of(
            new IncidentCommand.DeclareIncident("Checkout down", Severity.SEV1, "Customers cannot pay", List.of(),
                    null, null, "alertmanager:group", "Alertmanager", List.of(
                            new AlertSignal("fp-1", "HighErrorRate", AlertSignal.State.FIRING),
                            new AlertSignal("fp-2", "DiskFull", AlertSignal.State.RESOLVED))),
            new IncidentCommand.PostUpdate(IncidentStatus.IDENTIFIED, "Rolling back", Audience.PUBLIC, AT),
            new IncidentCommand.ChangeSeverity(Severity.SEV2, "Fewer customers affected"),
            new IncidentCommand.ResolveIncident("Recovered", AT, "dana"),
            new IncidentCommand.ReopenIncident("Errors are back"),
            new IncidentCommand.PublishRca("A bad deploy", List.of(new CorrectiveAction("Canary deploys", "dana", AT)),
                    null),
            new IncidentCommand.LinkCustomerReport(AT, "support", "T-1"),
            new IncidentCommand.CompleteCorrectiveAction("CA-1", "https://git.example/pr/7"),
            new IncidentCommand.DeclineCorrectiveAction("CA-2", "Superseded by CA-1"),
            new IncidentCommand.RescheduleCorrectiveAction("CA-3", AT, "Waiting on the vendor"));

    @Test
    void stored_command_types_are_the_contracts_names_as_already_stored() {
        // Command results and request fingerprints hold these names: they must never change.
        assertThat(ONE_OF_EACH.stream().map(CommandMapper::typeName)).containsExactly("DeclareIncident",
                "PostUpdate", "ChangeSeverity", "ResolveIncident", "ReopenIncident", "PublishRca",
                "LinkCustomerReport", "CompleteCorrectiveAction", "DeclineCorrectiveAction",
                "RescheduleCorrectiveAction");
    }

    @Test
    void every_command_travels_through_the_contract_and_back_unchanged() {
        for (IncidentCommand command : ONE_OF_EACH) {
            CommandEnvelope envelope = new CommandEnvelope("cmd-1", "inc-1", new Actor("dana", Actor.Kind.PERSON),
                    null, "fingerprint", command);

            dev.incidents.avro.IncidentCommand avro = CommandMapper.toAvro(envelope);

            assertThat(((SpecificRecord) avro.getCommand()).getSchema().getName())
                    .isEqualTo(CommandMapper.typeName(command));
            assertThat(CommandMapper.toDomain(avro)).isEqualTo(envelope);
        }
    }
}
