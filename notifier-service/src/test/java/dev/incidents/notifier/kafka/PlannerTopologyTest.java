package dev.incidents.notifier.kafka;

import dev.incidents.testing.GrantedAccess;
import dev.incidents.schemas.ServiceAccess;
import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.Audience;
import dev.incidents.avro.DetectionKind;
import dev.incidents.avro.ComponentDefined;
import dev.incidents.avro.ComponentEvent;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.IncidentResolved;
import dev.incidents.avro.IncidentStatus;
import dev.incidents.avro.MaintenanceCancelled;
import dev.incidents.avro.MaintenanceDetection;
import dev.incidents.avro.MaintenanceDetectionKind;
import dev.incidents.avro.MaintenanceEvent;
import dev.incidents.avro.MaintenanceScheduled;
import dev.incidents.avro.RcaPublished;
import dev.incidents.avro.Severity;
import dev.incidents.avro.UpdatePosted;
import dev.incidents.avro.notifier.MessageKind;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.avro.notifier.Subscription;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.IncidentBrief;
import dev.incidents.notifier.domain.SubscriptionSpec;
import dev.incidents.notifier.render.NoticeRenderer;
import dev.incidents.notifier.wire.SecretSeal;
import dev.incidents.notifier.wire.SubscriptionMapper;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.AvroSerdes;
import dev.incidents.support.wire.ContractDecoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant DEADLINE = T0.plus(Duration.ofMinutes(15));
    static final Instant STARTS = T0.plus(Duration.ofHours(2));

    final AvroSerdes avro = AvroSerdes.WITHOUT_REGISTRY;
    final SubscriptionMapper mapper = new SubscriptionMapper(new SecretSeal("k1",
            Map.of("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")));
    final NoticeRenderer renderer = (notice, locale, zone) -> new NoticeRenderer.Rendered(
            notice.kind() + " " + notice.subject().title() + " " + locale.toLanguageTag() + " " + zone.getId(),
            "text", "<p>html</p>");
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> events;
    TestInputTopic<String, byte[]> detections;
    TestInputTopic<String, byte[]> maintenanceEvents;
    TestInputTopic<String, byte[]> maintenanceDetections;
    TestInputTopic<String, byte[]> subscriptions;
    TestOutputTopic<String, OutboundMessage> outbox;
    TestOutputTopic<String, byte[]> deadLetters;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "planner-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(PlannerTopology.build(avro, renderer, mapper, meters, Duration.ofDays(30),
                OpenTelemetry.noop().getTracer("test")), config, T0);
        events = input(IncidentTopic.INCIDENT_EVENTS);
        detections = input(IncidentTopic.INCIDENT_DETECTIONS);
        maintenanceEvents = input(IncidentTopic.MAINTENANCE_EVENTS);
        maintenanceDetections = input(IncidentTopic.MAINTENANCE_DETECTIONS);
        subscriptions = input(IncidentTopic.NOTIFIER_SUBSCRIPTIONS);
        outbox = driver.createOutputTopic(IncidentTopic.NOTIFIER_OUTBOX.topicName(), Serdes.String().deserializer(),
                avro.forValue(IncidentTopic.NOTIFIER_OUTBOX).deserializer());
        deadLetters = driver.createOutputTopic(IncidentTopic.NOTIFIER_DLQ.topicName(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        subscribe("public-en", dev.incidents.notifier.domain.Audience.PUBLIC, "en", "America/New_York", null);
        subscribe("internal-de", dev.incidents.notifier.domain.Audience.INTERNAL, "de", "Europe/Berlin", null);
        subscribe("alice-ja", dev.incidents.notifier.domain.Audience.INTERNAL, "ja", "Asia/Tokyo", "alice");
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void a_declaration_is_written_for_each_subscriber_in_their_language_and_zone() {
        declare("inc-1");

        List<KeyValue<String, OutboundMessage>> messages = outbox.readKeyValuesToList();
        assertThat(messages).extracting(m -> m.key).containsExactlyInAnyOrder("public-en", "internal-de",
                "alice-ja");
        OutboundMessage german = messages.stream().filter(m -> m.key.equals("internal-de")).findFirst()
                .orElseThrow().value;
        assertThat(german.getSubject()).isEqualTo("DECLARED Checkout down de Europe/Berlin");
        assertThat(german.getKind()).isEqualTo(MessageKind.DECLARED);
        assertThat(german.getSourceId()).isEqualTo("inc-1-1");
        assertThat(german.getNextUpdateDueAt()).isEqualTo(DEADLINE);
        assertThat(german.getMessageId()).startsWith("msg_");
    }

    @Test
    void a_subscription_to_a_group_hears_of_incidents_on_its_components_as_the_catalog_groups_them_now() {
        TestInputTopic<String, byte[]> catalog = input(IncidentTopic.INCIDENT_COMPONENTS);
        catalog.pipeInput("checkout", component("checkout", "Shop"), T0);
        Subscription shopWatch = mapper.toAvro(dev.incidents.notifier.domain.Subscription.create("shop-watch",
                new SubscriptionSpec(Channel.EMAIL, "shop@example.com", dev.incidents.notifier.domain.Audience.INTERNAL,
                        null, null, Set.of("Shop"), null, "en", "UTC", null, null, null), T0).confirm(T0));
        subscriptions.pipeInput("shop-watch", avro.forValue(IncidentTopic.NOTIFIER_SUBSCRIPTIONS).serializer()
                .serialize("t", shopWatch), T0);

        send("inc-1", 1, IncidentDeclared.newBuilder(declaredPayload()).setComponents(List.of("checkout")).build());
        send("inc-2", 1, declaredPayload());

        assertThat(outbox.readKeyValuesToList()).filteredOn(m -> m.key.equals("shop-watch"))
                .extracting(m -> m.value.getIncidentId()).containsExactly("inc-1");

        catalog.pipeInput("checkout", component("checkout", "Payments"), T0);
        send("inc-1", 2, new UpdatePosted(IncidentStatus.IDENTIFIED, "Rolled back", Audience.INTERNAL, DEADLINE, 900L,
                List.of()));

        assertThat(outbox.readKeyValuesToList()).extracting(m -> m.key).doesNotContain("shop-watch");
    }

    private byte[] component(String id, String group) {
        return avro.forValue(IncidentTopic.INCIDENT_COMPONENTS).serializer().serialize("t", ComponentEvent.newBuilder()
                .setComponentId(id).setVersion(1).setOccurredAt(T0).setActor(new Actor("admin", ActorKind.PERSON))
                .setPayload(new ComponentDefined(id, null, group, 0, true, false)).build());
    }

    @Test
    void an_internal_update_never_reaches_a_public_subscriber() {
        declare("inc-1");
        outbox.readValuesToList();

        send("inc-1", 2, new UpdatePosted(IncidentStatus.IDENTIFIED, "Rolled back build 4711", Audience.INTERNAL,
                DEADLINE, 900L, List.of()));

        assertThat(outbox.readKeyValuesToList()).extracting(m -> m.key)
                .containsExactlyInAnyOrder("internal-de", "alice-ja");
    }

    @Test
    void an_overdue_detection_alerts_the_commanders_channel_only() {
        declare("inc-1");
        outbox.readValuesToList();

        detections.pipeInput("inc-1", avro.forValue(IncidentTopic.INCIDENT_DETECTIONS).serializer().serialize("t",
                IncidentDetection.newBuilder().setDetectionId("det-1").setIncidentId("inc-1")
                        .setKind(DetectionKind.UPDATE_OVERDUE).setDeadline(DEADLINE)
                        .setDetectedAt(DEADLINE.plusSeconds(1)).setLateBySeconds(1).setSeverity(Severity.SEV1)
                        .setCommander("alice").build()), DEADLINE.plusSeconds(1));

        OutboundMessage alert = outbox.readValue();
        assertThat(alert.getSubscriptionId()).isEqualTo("alice-ja");
        assertThat(alert.getKind()).isEqualTo(MessageKind.UPDATE_OVERDUE);
        assertThat(outbox.isEmpty()).isTrue();
    }

    @Test
    void a_deleted_subscription_hears_nothing_more() {
        subscriptions.pipeInput("public-en", (byte[]) null, T0);

        declare("inc-1");

        assertThat(outbox.readKeyValuesToList()).extracting(m -> m.key).doesNotContain("public-en").isNotEmpty();
    }

    @Test
    void the_same_event_read_again_gives_the_same_message_ids_so_receivers_can_drop_repeats() {
        declare("inc-1");
        List<String> first = outbox.readValuesToList().stream().map(OutboundMessage::getMessageId).toList();

        events.pipeInput("inc-1", serialized(event("inc-1", 1, declaredPayload())), T0);

        assertThat(outbox.readValuesToList().stream().map(OutboundMessage::getMessageId).toList())
                .containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void an_unreadable_record_goes_to_the_dead_letter_topic_and_the_next_is_planned() {
        events.pipeInput("inc-1", "garbage".getBytes(StandardCharsets.UTF_8), T0);
        declare("inc-1");

        assertThat(deadLetters.readRecord().headers().lastHeader(ContractDecoder.REASON_HEADER)).isNotNull();
        assertThat(outbox.readValuesToList()).hasSize(3);
        assertThat(meters.get("incident.dead.letters").tag("topic", "notifier-dlq").counter().count()).isEqualTo(1);
    }

    @Test
    void the_brief_of_an_incident_resolved_with_its_rca_published_is_forgotten_after_the_grace() {
        declare("inc-1");
        declare("inc-2");
        send("inc-1", 2, IncidentResolved.newBuilder().setMessage("Fixed").setRcaDueAt(DEADLINE)
                .setRcaOwner("alice").setRcaWindowSeconds(86_400L).build());
        send("inc-1", 3, RcaPublished.newBuilder().setRootCause("A bad deploy").setCorrectiveActions(List.of())
                .build());
        KeyValueStore<String, IncidentBrief> briefs = driver.getKeyValueStore(PlannerTopology.BRIEF_STORE);

        driver.advanceWallClockTime(Duration.ofDays(29));
        assertThat(briefs.get("inc-1")).isNotNull();

        driver.advanceWallClockTime(Duration.ofDays(1).plusHours(1));
        assertThat(briefs.get("inc-1")).isNull();
        assertThat(briefs.get("inc-2")).as("an open incident's brief").isNotNull();
    }

    @Test
    void a_public_windows_reminder_reaches_every_feed_with_the_window_and_an_internal_ones_no_public_one() {
        schedule("mnt-1", dev.incidents.avro.Audience.PUBLIC);
        schedule("mnt-2", dev.incidents.avro.Audience.INTERNAL);
        outbox.readValuesToList();

        remind("mnt-1");
        remind("mnt-2");

        List<KeyValue<String, OutboundMessage>> messages = outbox.readKeyValuesToList();
        assertThat(messages).filteredOn(m -> m.value.getMaintenance().getMaintenanceId().equals("mnt-1"))
                .extracting(m -> m.key).containsExactlyInAnyOrder("public-en", "internal-de");
        assertThat(messages).filteredOn(m -> m.value.getMaintenance().getMaintenanceId().equals("mnt-2"))
                .extracting(m -> m.key).containsExactly("internal-de");
        OutboundMessage reminder = messages.stream().filter(m -> m.key.equals("public-en")).findFirst()
                .orElseThrow().value;
        assertThat(reminder.getKind()).isEqualTo(MessageKind.MAINTENANCE_STARTING_SOON);
        assertThat(reminder.getIncidentId()).isNull();
        assertThat(reminder.getSubject()).isEqualTo("MAINTENANCE_STARTING_SOON Login database upgrade en "
                + "America/New_York");
        assertThat(reminder.getMaintenance()).isEqualTo(dev.incidents.avro.notifier.MaintenanceBrief.newBuilder()
                .setMaintenanceId("mnt-1").setTitle("Login database upgrade").setStatus("SCHEDULED")
                .setComponents(List.of("login")).setStartsAt(STARTS).setEndsAt(STARTS.plusSeconds(3600)).build());
    }

    @Test
    void a_windows_overrun_alerts_the_schedulers_channel_and_a_stale_reminder_nobody() {
        subscribe("bob-en", dev.incidents.notifier.domain.Audience.INTERNAL, "en", "UTC", "bob");
        schedule("mnt-1", dev.incidents.avro.Audience.PUBLIC);
        maintenanceEvents.pipeInput("mnt-1", maintenanceEvent("mnt-1", 2,
                new MaintenanceCancelled("Not needed")), T0);
        outbox.readValuesToList();

        remind("mnt-1");
        assertThat(outbox.isEmpty()).as("a reminder read after the cancellation").isTrue();

        schedule("mnt-2", dev.incidents.avro.Audience.PUBLIC);
        outbox.readValuesToList();
        maintenanceDetections.pipeInput("mnt-2", avro.forValue(IncidentTopic.MAINTENANCE_DETECTIONS).serializer()
                .serialize("t", new MaintenanceDetection("det-o", "mnt-2", MaintenanceDetectionKind.MAINTENANCE_OVERRUN,
                        STARTS.plusSeconds(3600), STARTS.plusSeconds(3660), 60L, 0)), T0);
        assertThat(outbox.readKeyValuesToList()).extracting(m -> m.key).containsExactly("bob-en");
    }

    @Test
    void an_unreadable_maintenance_record_goes_to_the_dead_letter_topic_and_the_next_is_planned() {
        maintenanceEvents.pipeInput("mnt-1", "garbage".getBytes(StandardCharsets.UTF_8), T0);
        schedule("mnt-1", dev.incidents.avro.Audience.PUBLIC);

        assertThat(deadLetters.readRecord().headers().lastHeader(ContractDecoder.REASON_HEADER)).isNotNull();
        assertThat(outbox.readKeyValuesToList()).extracting(m -> m.key).as("alice neither scheduled it nor is '*'")
                .containsExactlyInAnyOrder("public-en", "internal-de");
    }

    private void schedule(String maintenanceId, dev.incidents.avro.Audience audience) {
        maintenanceEvents.pipeInput(maintenanceId, maintenanceEvent(maintenanceId, 1, new MaintenanceScheduled(
                "Login database upgrade", "Sign-in may fail briefly", List.of("login"), STARTS,
                STARTS.plusSeconds(3600), audience)), T0);
    }

    private void remind(String maintenanceId) {
        maintenanceDetections.pipeInput(maintenanceId, avro.forValue(IncidentTopic.MAINTENANCE_DETECTIONS)
                .serializer().serialize("t", new MaintenanceDetection("det-" + maintenanceId, maintenanceId,
                        MaintenanceDetectionKind.MAINTENANCE_STARTING_SOON, STARTS, T0, 0L, 0)), T0);
    }

    private byte[] maintenanceEvent(String maintenanceId, long sequence, Object payload) {
        return avro.forValue(IncidentTopic.MAINTENANCE_EVENTS).serializer().serialize("t", MaintenanceEvent.newBuilder()
                .setEventId(maintenanceId + "-" + sequence).setMaintenanceId(maintenanceId).setSequence(sequence)
                .setOccurredAt(T0).setActor(new Actor("bob", ActorKind.PERSON)).setCausingCommandId("cmd")
                .setPayload(payload).build());
    }

    private TestInputTopic<String, byte[]> input(IncidentTopic<?> topic) {
        return driver.createInputTopic(topic.topicName(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
    }

    private void subscribe(String id, dev.incidents.notifier.domain.Audience audience, String locale, String zone,
                           String commander) {
        Subscription subscription = mapper.toAvro(dev.incidents.notifier.domain.Subscription.create(id,
                new SubscriptionSpec(Channel.EMAIL, id + "@example.com", audience, null, null, null, null, locale, zone,
                        commander, null, null), T0).confirm(T0));
        subscriptions.pipeInput(id, avro.forValue(IncidentTopic.NOTIFIER_SUBSCRIPTIONS).serializer().serialize("t", subscription), T0);
    }

    private void declare(String incidentId) {
        send(incidentId, 1, declaredPayload());
    }

    private static IncidentDeclared declaredPayload() {
        return IncidentDeclared.newBuilder().setTitle("Checkout down").setSeverity(Severity.SEV1)
                .setSummary("Customers cannot pay").setCommander("alice").setDetectedAt(T0)
                .setNextUpdateDueAt(DEADLINE).setCadenceSeconds(900L).build();
    }

    private void send(String incidentId, long sequence, Object payload) {
        events.pipeInput(incidentId, serialized(event(incidentId, sequence, payload)), T0);
    }

    private byte[] serialized(IncidentEvent event) {
        return avro.forValue(IncidentTopic.INCIDENT_EVENTS).serializer().serialize("t", event);
    }

    private static IncidentEvent event(String incidentId, long sequence, Object payload) {
        return IncidentEvent.newBuilder().setEventId(incidentId + "-" + sequence).setIncidentId(incidentId)
                .setSequence(sequence).setOccurredAt(T0).setActor(new Actor("alice", ActorKind.PERSON))
                .setCausingCommandId("cmd").setPayload(payload).build();
    }

    @Test
    void the_topology_reads_and_writes_only_topics_provisioning_grants_the_service() {
        GrantedAccess.assertTopologyWithin(PlannerTopology.build(avro, renderer, mapper, meters, Duration.ofDays(30),
                OpenTelemetry.noop().getTracer("test")), ServiceAccess.NOTIFIER_SERVICE);
        GrantedAccess.assertApplicationId(ServiceAccess.NOTIFIER_SERVICE);
    }
}
