package dev.incidents.notifier.kafka;

import dev.incidents.avro.notifier.MaintenanceBrief;
import dev.incidents.avro.notifier.MessageKind;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.notifier.domain.IncidentBrief;
import dev.incidents.notifier.domain.Notice;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.render.NoticeRenderer;

/** A written message for one subscription, as it waits on notifier-outbox. */
final class OutboxMapper {

    private OutboxMapper() {
    }

    static OutboundMessage toAvro(String messageId, Subscription subscription, Notice notice,
                                  NoticeRenderer.Rendered rendered) {
        OutboundMessage.Builder message = OutboundMessage.newBuilder()
                .setMessageId(messageId).setSubscriptionId(subscription.id()).setSourceId(notice.sourceId())
                .setKind(MessageKind.valueOf(notice.kind().name()))
                .setCreatedAt(notice.at()).setLocale(subscription.locale().toLanguageTag())
                .setSubject(rendered.subject()).setText(rendered.text()).setHtml(rendered.html());
        switch (notice.subject()) {
            case IncidentBrief incident -> message.setIncidentId(incident.incidentId())
                    .setIncidentTitle(incident.title())
                    .setSeverity(incident.severity() == null ? null
                            : dev.incidents.avro.Severity.valueOf(incident.severity().name()))
                    .setStatus(incident.status()).setNextUpdateDueAt(incident.nextUpdateDueAt())
                    .setRcaDueAt(incident.rcaDueAt());
            case dev.incidents.notifier.domain.MaintenanceBrief window -> message.setMaintenance(
                    MaintenanceBrief.newBuilder().setMaintenanceId(window.maintenanceId())
                            .setTitle(window.title() != null ? window.title() : window.maintenanceId())
                            .setStatus(window.status().name())
                            .setComponents(window.components().stream().sorted().toList())
                            .setStartsAt(window.startsAt()).setEndsAt(window.endsAt()).build());
        }
        return message.build();
    }
}
