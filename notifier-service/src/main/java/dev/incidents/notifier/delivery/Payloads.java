package dev.incidents.notifier.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.avro.notifier.OutboundMessage;

import java.util.Locale;

/** The bodies a written message is sent with: a webhook's JSON event, a Slack incoming-webhook message. */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    /** {@code {"type": "incident.public_update", "timestamp": ..., "data": {...}}}, as Standard Webhooks suggests. */
    public static String webhook(OutboundMessage message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "incident." + message.getKind().name().toLowerCase(Locale.ROOT));
        root.put("timestamp", message.getCreatedAt().toString());
        ObjectNode data = root.putObject("data");
        data.put("messageId", message.getMessageId());
        data.put("subscriptionId", message.getSubscriptionId());
        data.put("locale", message.getLocale());
        data.put("subject", message.getSubject());
        data.put("text", message.getText());
        ObjectNode incident = data.putObject("incident");
        incident.put("id", message.getIncidentId());
        incident.put("title", message.getIncidentTitle());
        incident.put("severity", message.getSeverity() == null ? null : message.getSeverity().name());
        incident.put("status", message.getStatus());
        incident.put("nextUpdateDueAt", message.getNextUpdateDueAt() == null ? null
                : message.getNextUpdateDueAt().toString());
        incident.put("rcaDueAt", message.getRcaDueAt() == null ? null : message.getRcaDueAt().toString());
        return write(root);
    }

    /** Slack's incoming-webhook JSON: a plain-text fallback, then header, section and context blocks. */
    public static String slack(OutboundMessage message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", escape(message.getSubject()));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", truncate(message.getSubject(), 150));
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", truncate(escape(message.getText()), 3000));
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text",
                escape("Incident " + message.getIncidentId()
                        + (message.getSeverity() == null ? "" : " · " + message.getSeverity().name())));
        return write(root);
    }

    /** Slack's three control characters; everything else is shown as written. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }
}
