package dev.incidents.commands.http;

import dev.incidents.support.http.Problem;
import dev.incidents.support.http.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * If-Match and If-None-Match on what admins keep whole under an id (components, templates): the version is the
 * entity tag, If-Match guards a change against a stale read, {@code If-None-Match: *} makes a PUT a create only.
 */
final class VersionPreconditions {

    private final String noun;

    /** @param noun what the record is, as a problem names it: "component", "template" */
    VersionPreconditions(String noun) {
        this.noun = noun;
    }

    static EntityTag tag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** A create: refused when the caller expected a version of something that does not exist. */
    void requireAbsentExpected(String id, String ifMatch) {
        if (ifMatch != null) {
            throw mismatch(capitalized() + " " + id + " does not exist, so it has no version " + ifMatch + ".");
        }
    }

    /** A change: refused when the caller asked for a create only, or expected another version. */
    void requireCurrent(String id, long version, String ifMatch, String ifNoneMatch) {
        if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
            throw mismatch(capitalized() + " " + id + " exists already (If-None-Match: *).");
        }
        requireCurrent(id, version, ifMatch);
    }

    void requireCurrent(String id, long version, String ifMatch) {
        if (ifMatch != null && !ifMatch.strip().equals("*")
                && !ifMatch.replace("W/", "").replace("\"", "").strip().equals(String.valueOf(version))) {
            throw mismatch(capitalized() + " " + id + " is at version " + version + ", not " + ifMatch + ".");
        }
    }

    ProblemException notFound(String id, String where) {
        return new ProblemException(Problem.of("not-found", capitalized() + " not found", 404,
                "The " + where + " has no " + noun + " " + id + ".", null));
    }

    private ProblemException mismatch(String detail) {
        return new ProblemException(Problem.of("version-mismatch", "The " + noun + " has changed", 412, detail,
                "If-Match"));
    }

    private String capitalized() {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}
