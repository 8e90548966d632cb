package dev.incidents.commands.domain;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.incidents.commands.domain.TextRules.optional;
import static dev.incidents.commands.domain.TextRules.required;

/**
 * What a template must be for the command it starts to be worth sending: its kind's fields only, bounded like the
 * command's own, in languages named by plain tags, with placeholders its kind can fill.
 */
public final class TemplateRules {

    public static final int LANGUAGES_MAX = 20;
    public static final int VALUE_MAX = 1000;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");

    private TemplateRules() {
    }

    public static Optional<Rejection> checkId(String id) {
        return PlainIds.check("templateId", id);
    }

    public static Optional<Rejection> check(TemplateDefinition definition) {
        if (definition.kind() == null) {
            return Optional.of(Rejection.invalid("kind", "kind is required: DECLARE, UPDATE or RESOLVE."));
        }
        return Stream.of(
                        required("name", definition.name(), CommandLimits.NAME_MAX),
                        proposals(definition),
                        languages(definition))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> definition.texts().entrySet().stream()
                        .map(text -> text(definition.kind(), text.getKey(), text.getValue()))
                        .flatMap(Optional::stream)
                        .findFirst());
    }

    /**
     * What a use of a {@code kind} template asks for: a language tag (or none, for the default) and values for its
     * kind's placeholders only, each a short plain text.
     */
    public static Optional<Rejection> checkUse(TemplateKind kind, String language, Map<String, String> values) {
        if (language != null && !language.isBlank() && !LANGUAGE.matcher(language.strip()).matches()) {
            return Optional.of(Rejection.invalid("language", "language must be a tag such as en, de or pt-BR."));
        }
        return values.entrySet().stream()
                .map(value -> kind.placeholders().contains(value.getKey())
                        ? optional("values." + value.getKey(), value.getValue(), VALUE_MAX)
                        : Optional.of(Rejection.invalid("values", value.getKey() + " is not a placeholder of "
                        + described(kind) + "; it has " + slots(kind) + ".")))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Rejection> proposals(TemplateDefinition definition) {
        if (!definition.kind().proposesStatus()) {
            if (definition.status() != null) {
                return Optional.of(Rejection.invalid("status", "Only an UPDATE template proposes a status."));
            }
            if (definition.audience() != null) {
                return Optional.of(Rejection.invalid("audience", "Only an UPDATE template proposes an audience."));
            }
        }
        if (definition.status() == IncidentStatus.RESOLVED) {
            return Optional.of(Rejection.invalid("status", "An update does not resolve: use a RESOLVE template."));
        }
        return Optional.empty();
    }

    private static Optional<Rejection> languages(TemplateDefinition definition) {
        Map<String, TemplateText> texts = definition.texts();
        if (texts.isEmpty() || texts.size() > LANGUAGES_MAX) {
            return Optional.of(Rejection.invalid("texts", "texts must hold 1 to " + LANGUAGES_MAX
                    + " languages, by tag (e.g. {\"en\": {...}, \"de\": {...}})."));
        }
        Optional<String> odd = texts.keySet().stream().filter(tag -> !LANGUAGE.matcher(tag).matches()).findFirst();
        if (odd.isPresent()) {
            return Optional.of(Rejection.invalid("texts", "'" + odd.get() + "' is not a language tag such as en, de "
                    + "or pt-BR."));
        }
        if (!texts.containsKey(definition.defaultLanguage())) {
            return Optional.of(Rejection.invalid("defaultLanguage", "defaultLanguage must be one of the texts' "
                    + "languages: " + String.join(", ", texts.keySet()) + "."));
        }
        return Optional.empty();
    }

    private static Optional<Rejection> text(TemplateKind kind, String language, TemplateText text) {
        String field = "texts." + language;
        if (text == null) {
            return Optional.of(Rejection.invalid(field, field + " must hold a message."));
        }
        if (!kind.hasTitle() && text.title() != null) {
            return Optional.of(Rejection.invalid(field + ".title", "Only a DECLARE template has a title."));
        }
        return Stream.of(
                        kind.hasTitle() ? required(field + ".title", text.title(), CommandLimits.TITLE_MAX)
                                : Optional.<Rejection>empty(),
                        required(field + ".message", text.message(),
                                kind.hasTitle() ? CommandLimits.SUMMARY_MAX : CommandLimits.MESSAGE_MAX),
                        slotsOf(kind, field + ".title", text.title()),
                        slotsOf(kind, field + ".message", text.message()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Rejection> slotsOf(TemplateKind kind, String field, String text) {
        return Placeholders.in(text).stream()
                .filter(name -> !kind.placeholders().contains(name))
                .findFirst()
                .map(name -> Rejection.invalid(field, "{" + name + "} is not a placeholder of "
                        + described(kind) + "; it has " + slots(kind) + "."));
    }

    private static String described(TemplateKind kind) {
        return (kind == TemplateKind.UPDATE ? "an " : "a ") + kind + " template";
    }

    private static String slots(TemplateKind kind) {
        return String.join(", ", kind.placeholders().stream().map(name -> "{" + name + "}").toList());
    }
}
