package dev.incidents.notifier.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.avro.notifier.MaintenanceBrief;
import dev.incidents.avro.notifier.OutboundMessage;

import java.util.Locale;

/**
 * The bodies a written message is sent with: a webhook's JSON event, and the incoming-webhook messages of Slack,
 * Microsoft Teams and Discord. The subject and text are the message's own, written in its subscription's language.
 */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAINTENANCE_KIND = "maintenance_";
    private static final int MAINTENANCE_COLOUR = 0x0550AE;

    private Payloads() {
    }

    /**
     * {@code {"type": "incident.public_update", "timestamp": ..., "data": {...}}}, as Standard Webhooks suggests; a
     * maintenance window's message is {@code "maintenance.scheduled"} (started, starting_soon, ...) and carries
     * {@code data.maintenance} where an incident's carries {@code data.incident}.
     */
    public static String webhook(OutboundMessage message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", eventType(message));
        root.put("timestamp", message.getCreatedAt().toString());
        ObjectNode data = root.putObject("data");
        data.put("messageId", message.getMessageId());
        data.put("subscriptionId", message.getSubscriptionId());
        data.put("locale", message.getLocale());
        data.put("subject", message.getSubject());
        data.put("text", message.getText());
        MaintenanceBrief window = message.getMaintenance();
        if (window != null) {
            ObjectNode maintenance = data.putObject("maintenance");
            maintenance.put("id", window.getMaintenanceId());
            maintenance.put("title", window.getTitle());
            maintenance.put("status", window.getStatus());
            ArrayNode components = maintenance.putArray("components");
            window.getComponents().forEach(components::add);
            maintenance.put("startsAt", window.getStartsAt() == null ? null : window.getStartsAt().toString());
            maintenance.put("endsAt", window.getEndsAt() == null ? null : window.getEndsAt().toString());
            return write(root);
        }
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

    private static String eventType(OutboundMessage message) {
        String kind = message.getKind().name().toLowerCase(Locale.ROOT);
        return kind.startsWith(MAINTENANCE_KIND) ? "maintenance." + kind.substring(MAINTENANCE_KIND.length())
                : "incident." + kind;
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
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", escape(subjectLine(message)));
        return write(root);
    }

    /**
     * A Microsoft Teams message for a Workflows incoming webhook: one Adaptive Card (version 1.4) with the subject as
     * its heading, the text, and the incident's id and severity (or the maintenance window's id) in small print.
     * Markdown is escaped, so no text of an incident becomes a link or formatting.
     */
    public static String teams(OutboundMessage message) {
        ObjectNode root = JSON.createObjectNode().put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive").putNull("contentUrl");
        ObjectNode card = attachment.putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard").put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", markdown(truncate(message.getSubject(), 300)))
                .put("weight", "Bolder").put("size", "Medium").put("wrap", true);
        body.addObject().put("type", "TextBlock").put("text", markdown(truncate(message.getText(), 10_000)))
                .put("wrap", true);
        body.addObject().put("type", "TextBlock").put("text", markdown(subjectLine(message)))
                .put("isSubtle", true).put("size", "Small").put("wrap", true);
        return write(root);
    }

    /**
     * A Discord webhook message: one embed (title, description, the severity's colour, the incident or window in its
     * footer, the time), with Markdown escaped and mentions turned off, so no incident text pings anybody or makes a
     * link.
     */
    public static String discord(OutboundMessage message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("allowed_mentions").putArray("parse");
        ObjectNode embed = root.putArray("embeds").addObject()
                .put("title", truncate(markdown(message.getSubject()), 256))
                .put("description", truncate(markdown(message.getText()), 4096))
                .put("color", colour(message))
                .put("timestamp", message.getCreatedAt().toString());
        embed.putObject("footer").put("text", truncate(subjectLine(message), 2048));
        return write(root);
    }

    /** What the message is about, for small print: the incident and its severity, or the maintenance window. */
    private static String subjectLine(OutboundMessage message) {
        if (message.getMaintenance() != null) {
            return "Maintenance " + message.getMaintenance().getMaintenanceId();
        }
        return "Incident " + message.getIncidentId()
                + (message.getSeverity() == null ? "" : " · " + message.getSeverity().name());
    }

    /** Red for SEV1 down to grey for SEV4, as the dashboard shows them; maintenance in the status page's blue. */
    private static int colour(OutboundMessage message) {
        if (message.getMaintenance() != null) {
            return MAINTENANCE_COLOUR;
        }
        if (message.getSeverity() == null) {
            return 0x6B7280;
        }
        return switch (message.getSeverity()) {
            case SEV1 -> 0xDC2626;
            case SEV2 -> 0xEA580C;
            case SEV3 -> 0xCA8A04;
            case SEV4 -> 0x6B7280;
        };
    }

    /**
     * The characters that make Markdown formatting, links or spoilers escaped with a backslash (which both tools
     * read as "this character as written"); dashes, dots and the like stay as they are.
     */
    static String markdown(String text) {
        return text.replaceAll("([\\\\`*_~\\[\\]|<>])", "\\\\$1");
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
