package dev.incidents.notifier.domain;

import dev.incidents.support.text.UnsafeCharacters;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a subscription must satisfy before it is stored: a reachable kind of target for its channel (http or https
 * only), a locale the templates speak, a real time zone, signing secrets where they are needed and nowhere else, and
 * no internal-only choices for a public audience.
 */
public final class SubscriptionRules {

    /** The locales the message templates are written in. */
    public static final Set<Locale> LOCALES = Set.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.JAPANESE,
            Locale.forLanguageTag("zh-TW"), Locale.forLanguageTag("tr"));
    public static final int MAX_SECRETS = 2;
    public static final int MAX_ESCALATION_LEVEL = 10;
    /** The most components one subscription may filter on. */
    public static final int DEFAULT_MAX_COMPONENTS = 50;
    /** How many of the catalog's components or groups a violation names. */
    static final int CATALOG_LISTED = 30;
    /** The longest target, commander or component: URLs of chat webhooks stay well below it. */
    public static final int MAX_TEXT = 500;

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final String SECRET_PREFIX = "whsec_";
    private static final int MAX_PORT = 65_535;

    private SubscriptionRules() {
    }

    /** Whether one more subscription may be made while {@code existing} exist and at most {@code max} may. */
    public static Optional<String> roomForOneMore(int existing, int max) {
        return existing < max ? Optional.empty() : Optional.of("There are " + existing + " subscriptions, as many as "
                + "this notifier keeps (incidents.max-subscriptions is " + max + "); delete one first.");
    }

    public static List<Violation> check(SubscriptionSpec spec, boolean creating) {
        return check(spec, creating, DEFAULT_MAX_COMPONENTS);
    }

    /** @param maxComponents the most components a subscription may filter on */
    public static List<Violation> check(SubscriptionSpec spec, boolean creating, int maxComponents) {
        List<Violation> violations = new ArrayList<>();
        if (spec.channel() == null) {
            violations.add(new Violation("channel", "channel is required: WEBHOOK, SLACK, TEAMS, DISCORD or EMAIL."));
        } else {
            checkTarget(spec, violations);
            checkSecrets(spec, creating, violations);
        }
        if (spec.audience() == null) {
            violations.add(new Violation("audience", "audience is required: PUBLIC or INTERNAL."));
        } else if (spec.audience() == Audience.PUBLIC) {
            checkPublicChoices(spec, violations);
        }
        checkLocale(spec.locale(), violations);
        checkZone(spec.timeZone(), violations);
        if (spec.escalationLevel() != null
                && (spec.escalationLevel() < 1 || spec.escalationLevel() > MAX_ESCALATION_LEVEL)) {
            violations.add(new Violation("escalationLevel",
                    "escalationLevel must be between 1 and " + MAX_ESCALATION_LEVEL + "."));
        }
        if (spec.commander() != null && spec.commander().isBlank()) {
            violations.add(new Violation("commander", "commander must be a name, or '*' for every incident."));
        }
        if (spec.messageKinds().contains(MessageKind.CONFIRMATION_REQUESTED)) {
            violations.add(new Violation("messageKinds", "CONFIRMATION_REQUESTED is sent to every new email address "
                    + "and is no choice of messages."));
        }
        checkText("target", spec.target(), violations);
        checkText("commander", spec.commander(), violations);
        checkNames("components", spec.components(), maxComponents, violations);
        checkNames("groups", spec.groups(), maxComponents, violations);
        return violations;
    }

    /**
     * The components and groups a subscription chooses must be the catalog's: a component it holds and has not
     * retired, a group one of those is listed under. Each violation names the catalog's choices (some of them).
     */
    public static List<Violation> checkCatalogChoices(SubscriptionSpec spec, Set<String> components,
                                                      Set<String> groups) {
        List<Violation> violations = new ArrayList<>();
        unknown("components", spec.components(), components, "component").ifPresent(violations::add);
        unknown("groups", spec.groups(), groups, "group").ifPresent(violations::add);
        return violations;
    }

    private static Optional<Violation> unknown(String field, Set<String> chosen, Set<String> known, String what) {
        List<String> missing = chosen.stream().filter(name -> !known.contains(name)).sorted().toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        List<String> offered = known.stream().sorted().limit(CATALOG_LISTED).toList();
        return Optional.of(new Violation(field, quoted(missing) + (missing.size() == 1 ? " is not a " : " are not ")
                + what + (missing.size() == 1 ? "" : "s") + " of the component catalog. "
                + (offered.isEmpty() ? "The catalog has no " + what + "s yet."
                : "The catalog's: " + quoted(offered) + (known.size() > offered.size() ? " and "
                + (known.size() - offered.size()) + " more" : "") + ".")));
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    private static void checkNames(String field, Set<String> names, int max, List<Violation> violations) {
        if (names.size() > max) {
            violations.add(new Violation(field, field + " must list at most " + max + "."));
            return;
        }
        int i = 0;
        for (String name : names) {
            checkText(field + "[" + i++ + "]", name, violations);
        }
    }

    /** No text of a subscription is longer than a name or holds a character no text may hold. */
    private static void checkText(String field, String value, List<Violation> violations) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_TEXT) {
            violations.add(new Violation(field, field + " must be at most " + MAX_TEXT + " characters."));
        }
        UnsafeCharacters.firstIn(value)
                .ifPresent(unsafe -> violations.add(new Violation(field, field + " must not contain " + unsafe + ".")));
    }

    private static void checkTarget(SubscriptionSpec spec, List<Violation> violations) {
        String target = spec.target() == null ? "" : spec.target().strip();
        if (target.isEmpty()) {
            violations.add(new Violation("target", "target is required."));
        } else if (spec.channel() == Channel.EMAIL) {
            if (target.length() > 254 || !EMAIL.matcher(target).matches()) {
                violations.add(new Violation("target", "target must be an email address (name@example.com)."));
            }
        } else if (!isHttpUrl(target)) {
            violations.add(new Violation("target",
                    "target must be an absolute http or https URL with a host; other schemes are refused."));
        }
    }

    private static boolean isHttpUrl(String target) {
        try {
            URI uri = new URI(target);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null && uri.getUserInfo() == null
                    && uri.getPort() <= MAX_PORT;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkSecrets(SubscriptionSpec spec, boolean creating, List<Violation> violations) {
        List<String> secrets = spec.secrets();
        if (spec.channel() != Channel.WEBHOOK) {
            if (secrets != null && !secrets.isEmpty()) {
                violations.add(new Violation("secrets", "Only WEBHOOK subscriptions have signing secrets."));
            }
            return;
        }
        if (secrets == null ? creating : secrets.isEmpty()) {
            violations.add(new Violation("secrets", "A WEBHOOK subscription needs a signing secret (whsec_ + base64 "
                    + "of 24 to 64 random bytes)."));
        } else if (secrets != null && secrets.size() > MAX_SECRETS) {
            violations.add(new Violation("secrets", "At most " + MAX_SECRETS + " secrets, the old and the new one "
                    + "while rotating."));
        } else if (secrets != null) {
            for (int i = 0; i < secrets.size(); i++) {
                if (!isSecret(secrets.get(i))) {
                    violations.add(new Violation("secrets[" + i + "]",
                            "A secret must be whsec_ followed by the base64 of 24 to 64 random bytes."));
                }
            }
        }
    }

    private static boolean isSecret(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return false;
        }
        try {
            int length = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
            return length >= 24 && length <= 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkPublicChoices(SubscriptionSpec spec, List<Violation> violations) {
        spec.messageKinds().stream().filter(kind -> !kind.isPublic() && kind != MessageKind.CONFIRMATION_REQUESTED)
                .sorted().findFirst().ifPresent(kind ->
                violations.add(new Violation("messageKinds", kind + " is internal; a PUBLIC subscription never "
                        + "receives it.")));
        if (spec.commander() != null) {
            violations.add(new Violation("commander", "Only an INTERNAL subscription can be a commander's channel."));
        }
        if (spec.escalationLevel() != null) {
            violations.add(new Violation("escalationLevel", "Only an INTERNAL subscription can receive escalations."));
        }
    }

    private static void checkLocale(String tag, List<Violation> violations) {
        if (tag == null || !LOCALES.contains(Locale.forLanguageTag(tag))) {
            violations.add(new Violation("locale", "locale must be one of en, de, fr, ja, zh-TW, tr."));
        }
    }

    private static void checkZone(String zone, List<Violation> violations) {
        if (zone == null) {
            violations.add(new Violation("timeZone", "timeZone is required, e.g. Europe/Berlin or UTC."));
            return;
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            violations.add(new Violation("timeZone", "'" + zone + "' is not a time zone; use an IANA id such as "
                    + "Europe/Berlin."));
        }
    }
}
