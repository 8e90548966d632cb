package dev.incidents.commands.domain;

import java.util.Optional;
import java.util.stream.Stream;

import static dev.incidents.commands.domain.TextRules.optional;
import static dev.incidents.commands.domain.TextRules.required;

/**
 * What a component's id and definition must be. Ids appear in URLs, in every incident naming the component and in
 * the status page's JSON, so they are short and plain: ASCII letters, digits and a little punctuation.
 */
public final class ComponentRules {

    public static final int ID_MAX = PlainIds.MAX;

    /** The highest order a component may have within its group. */
    public static final int ORDER_MAX = 100_000;

    private ComponentRules() {
    }

    public static Optional<Rejection> checkId(String id) {
        return PlainIds.check("componentId", id);
    }

    public static Optional<Rejection> check(ComponentDefinition definition) {
        return Stream.of(
                        required("name", definition.name(), CommandLimits.NAME_MAX),
                        optional("description", definition.description(), CommandLimits.SUMMARY_MAX),
                        group(definition.group()),
                        order(definition.order()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Rejection> group(String group) {
        if (group != null && group.isBlank()) {
            return Optional.of(Rejection.invalid("group", "group must not be blank; leave it out for none."));
        }
        return optional("group", group, CommandLimits.NAME_MAX);
    }

    private static Optional<Rejection> order(int order) {
        return order < 0 || order > ORDER_MAX
                ? Optional.of(Rejection.invalid("order", "order must be between 0 and " + ORDER_MAX + "."))
                : Optional.empty();
    }
}
