package dev.incidents.projection.http;

import dev.incidents.projection.domain.MaintenanceNote;
import dev.incidents.projection.domain.MaintenanceStatus;
import dev.incidents.projection.domain.PublicIncident;
import dev.incidents.projection.domain.PublicMaintenance;
import dev.incidents.projection.domain.StatusBoard;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom (RFC 4287) feed of public updates, published RCAs and the steps of public maintenance windows, newest
 * first, for feed readers.
 */
final class AtomFeed {

    static final int ENTRY_LIMIT = 50;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    private record Entry(String id, String title, Instant at, URI link, String text) {
    }

    static String of(StatusBoard board, String pageName, URI pageUrl, URI selfUrl) {
        List<Entry> entries = entries(board, pageUrl);
        Instant updated = entries.isEmpty() ? board.at() : entries.get(0).at();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", uuid("feed:" + pageUrl));
            text(xml, "title", pageName);
            text(xml, "updated", updated.toString());
            link(xml, "self", selfUrl, "application/atom+xml");
            link(xml, "alternate", pageUrl, "text/html");
            xml.writeStartElement("author");
            text(xml, "name", pageName);
            xml.writeEndElement();
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                text(xml, "id", entry.id());
                text(xml, "title", entry.title());
                text(xml, "updated", entry.at().toString());
                text(xml, "published", entry.at().toString());
                link(xml, "alternate", entry.link(), "text/html");
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(xmlSafe(entry.text()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the Atom feed", e);
        }
        return out.toString();
    }

    private static List<Entry> entries(StatusBoard board, URI pageUrl) {
        List<Entry> entries = new ArrayList<>();
        board.incidents().forEach(incident -> {
            URI link = StatuspageShape.link(pageUrl, incident);
            for (PublicIncident.PublicUpdate update : incident.updates()) {
                entries.add(new Entry(uuid(incident.incidentId() + "/" + update.sequence()),
                        incident.title() + ": " + label(update.status().name()), update.at(), link, update.text()));
            }
            if (incident.rca() != null) {
                entries.add(new Entry(uuid(incident.incidentId() + "/rca"), incident.title() + ": Cause and "
                        + "corrective actions", incident.rcaPublishedAt(), link, incident.rca()));
            }
        });
        board.maintenances().forEach(window -> {
            URI link = StatuspageShape.link(pageUrl, window);
            List<MaintenanceNote> notes = window.updates();
            for (int i = 0; i < notes.size(); i++) {
                MaintenanceNote note = notes.get(i);
                entries.add(new Entry(uuid("maintenance/" + window.maintenanceId() + "/" + (i + 1)),
                        window.title() + ": " + maintenanceLabel(note.status(), i), note.at(), link,
                        maintenanceText(window, note, i)));
            }
        });
        return entries.stream().sorted(Comparator.comparing(Entry::at).reversed()).limit(ENTRY_LIMIT).toList();
    }

    /** The first note of a window is its announcement; later ones say what changed or what it came to. */
    private static String maintenanceLabel(MaintenanceStatus status, int index) {
        if (index == 0) {
            return "Maintenance scheduled";
        }
        return switch (status) {
            case SCHEDULED -> "Maintenance plan updated";
            case IN_PROGRESS -> "Maintenance in progress";
            case COMPLETED -> "Maintenance completed";
            case CANCELLED -> "Maintenance cancelled";
        };
    }

    private static String maintenanceText(PublicMaintenance window, MaintenanceNote note, int index) {
        String said = index == 0 || note.message() == null ? window.description() : note.message();
        return said + "\nWindow, as planned now: " + window.startsAt() + " to " + window.endsAt() + " (UTC).";
    }

    private static String label(String status) {
        return status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT);
    }

    /** A permanent id that needs no domain of ours: a name-based UUID. */
    private static String uuid(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    /**
     * The text with every character XML 1.0 forbids (controls, unpaired surrogates, U+FFFE, U+FFFF) shown as U+FFFD:
     * one of them would make the whole feed unreadable. Commands refuse them now; events written before may hold them.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.appendCodePoint(allowedInXml(c) ? c : 0xFFFD));
        return safe.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static void link(XMLStreamWriter xml, String rel, URI href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href.toString());
    }
}
