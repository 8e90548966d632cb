package dev.incidents.support.http;

import java.util.regex.Pattern;

/**
 * What an incident id in a path may look like, in every service: letters, digits, '.', '_', ':' and '-', at most 128.
 * An id outside it names no incident, and never reaches a URL this service builds (a forwarded query, say).
 */
public final class IncidentIds {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private IncidentIds() {
    }

    public static boolean isWellFormed(String incidentId) {
        return incidentId != null && WELL_FORMED.matcher(incidentId).matches() && !incidentId.matches("\\.+");
    }
}
