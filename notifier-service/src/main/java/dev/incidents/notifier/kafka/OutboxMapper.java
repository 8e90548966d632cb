package dev.incidents.notifier.kafka;

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
        IncidentBrief incident = notice.incident();
        return OutboundMessage.newBuilder()
                .setMessageId(messageId).setSubscriptionId(subscription.id()).setSourceId(notice.sourceId())
                .setIncidentId(incident.incidentId()).setKind(MessageKind.valueOf(notice.kind().name()))
                .setCreatedAt(notice.at()).setLocale(subscription.locale().toLanguageTag())
                .setSubject(rendered.subject()).setText(rendered.text()).setHtml(rendered.html())
                .setIncidentTitle(incident.title())
                .setSeverity(incident.severity() == null ? null
                        : dev.incidents.avro.Severity.valueOf(incident.severity().name()))
                .setStatus(incident.status()).setNextUpdateDueAt(incident.nextUpdateDueAt())
                .setRcaDueAt(incident.rcaDueAt())
                .build();
    }
}
