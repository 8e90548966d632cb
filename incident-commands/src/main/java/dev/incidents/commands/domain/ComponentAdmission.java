package dev.incidents.commands.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether the components a declare names are in the catalog. Unknown ones are refused, naming the ones the catalog
 * knows, or (for emitters that name what they monitor) added to it with a placeholder definition an admin completes.
 * A retired component is refused, or under {@link Unknown#CREATE} accepted as named without being brought back.
 */
public final class ComponentAdmission {

    /** How many known ids a refusal lists; the rest are counted. */
    static final int KNOWN_LISTED = 30;

    /** What a declare naming a component the catalog does not have gets. */
    public enum Unknown { REJECT, CREATE }

    /** The outcome: the components to add to the catalog before the declare is sent, or why it is refused. */
    public record Admission(List<String> toCreate, Optional<Rejection> refused) {
    }

    private ComponentAdmission() {
    }

    /** @param room how many more components the catalog may take */
    public static Admission admit(List<String> named, Collection<Component> catalog, Unknown unknown, int room) {
        Map<String, Component> byId = catalog.stream().collect(Collectors.toMap(Component::id, Function.identity()));
        Set<String> absent = new LinkedHashSet<>();
        Set<String> retired = new LinkedHashSet<>();
        for (String id : named) {
            Component known = byId.get(id);
            if (known == null) {
                absent.add(id);
            } else if (known.retired()) {
                retired.add(id);
            }
        }
        if (unknown == Unknown.CREATE) {
            return new Admission(absent.stream().filter(id -> ComponentRules.checkId(id).isEmpty())
                    .limit(Math.max(0, room)).toList(), Optional.empty());
        }
        if (absent.isEmpty() && retired.isEmpty()) {
            return new Admission(List.of(), Optional.empty());
        }
        return new Admission(List.of(), Optional.of(Rejection.invalid("components",
                refusal(absent, retired) + " " + known(catalog))));
    }

    private static String refusal(Set<String> absent, Set<String> retired) {
        String notInCatalog = absent.isEmpty() ? "" : quoted(absent) + (absent.size() == 1 ? " is" : " are")
                + " not in the component catalog.";
        String noLonger = retired.isEmpty() ? "" : quoted(retired) + (retired.size() == 1 ? " is" : " are")
                + " retired.";
        return (notInCatalog + " " + noLonger).strip();
    }

    private static String known(Collection<Component> catalog) {
        List<String> ids = catalog.stream().filter(c -> !c.retired()).map(Component::id).sorted().toList();
        if (ids.isEmpty()) {
            return "The catalog has no components yet (an incident-admin defines them with PUT /components/{id}).";
        }
        String listed = quoted(ids.subList(0, Math.min(ids.size(), KNOWN_LISTED)));
        return "Known components: " + listed + (ids.size() > KNOWN_LISTED ? " and " + (ids.size() - KNOWN_LISTED)
                + " more" : "") + " (GET /components).";
    }

    private static String quoted(Collection<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }
}
