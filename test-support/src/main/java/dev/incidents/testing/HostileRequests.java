package dev.incidents.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Malformed requests made from a service's own OpenAPI document and a list of hostile values: for each operation,
 * every body field given each value its schema type must refuse (wrong JSON types, numbers for enums, nulls inside
 * arrays, 100k-character strings, NUL, lone surrogates, noncharacters, bidirectional overrides, invalid UTF-8,
 * far-past and far-future and oddly written times), whole bodies that are not one JSON object (truncated, trailing
 * data, deep nesting, empty, over the size limit, wrong content type), path ids with encoded separators and
 * characters no id holds, query parameters with the same hostile values, and hostile header values. Each one is
 * malformed on its own: a valid base body per operation, supplied by the test, carries each mutation.
 */
public final class HostileRequests {

    /** One request, named after what makes it hostile. */
    public record Hostile(String name, String method, String path, Map<String, String> headers, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG = "x".repeat(100_000);
    /** Stands for a lone surrogate, which JSON can carry escaped but Jackson will not write: put in as written. */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";
    /** Text values no text field may hold; JSON escapes, so the lone surrogate reaches the server as written. */
    private static final List<String> BAD_TEXT = List.of("a\u0000b", "a\uFFFFb", "a\uFFFEb", "a\u202Eb",
            "a\u2066b", "a" + LONE_SURROGATE + "b", LONG);
    private static final List<String> BAD_TIMES = List.of("-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "2026-13-45T00:00:00Z", "yesterday", "2026-12-02", "2026-12-02T10:00:00",
            "02/12/2026 10:00");
    /** Path ids no id can be: encoded separators, dots, NUL, invalid UTF-8, non-ASCII, too long. */
    private static final List<String> BAD_IDS = List.of("a%2Fb", "a%3Fb", "a%23b", "%2E%2E", "a%00b", "a%FFb",
            "a%C3%A9b", "a%20b", "a%5Cb", "x".repeat(300), "a%252Fb", "a%2Fb%2Fc", "a%09b", "a%E2%80%AEb",
            "a%EF%BF%BFb");
    /** Query values no parameter may hold: characters no text may hold, invalid UTF-8, far too long. */
    private static final List<String> BAD_QUERY_TEXT = List.of("a%00b", "a%0Ab", "a%EF%BF%BFb", "a%EF%BF%BEb",
            "a%E2%80%AEb", "a%E2%81%A6b", "a%C0%AFb", "a%ED%A0%80b", "a%C3%28b", "a%F0%9Fb", "a%FFb",
            "x".repeat(2_000));
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private final JsonNode openApi;
    private final String pathPrefix;

    /** @param openApi the service's document, as {@code /q/openapi?format=json} serves it */
    public HostileRequests(JsonNode openApi) {
        this.openApi = openApi;
        this.pathPrefix = "";
    }

    /**
     * Every hostile request for the service.
     *
     * @param validBodies  for each operation ("METHOD /path") that takes a JSON body, one it would accept
     * @param pathIds      well-formed values of path parameters by name (so that only the mutated part is wrong);
     *                     parameters not listed get "x"
     * @param skip         operations not to send anything to ("METHOD /path")
     * @param headerValues for header names, values the service must refuse: sent to each operation that declares
     *                     the header, and to every POST with a JSON body if the name is in {@code onEveryWrite} (a
     *                     header the service reads without declaring it, such as Idempotency-Key, which a PUT, being
     *                     idempotent already, has no use for)
     */
    public List<Hostile> all(Map<String, String> validBodies, Map<String, String> pathIds, Set<String> skip,
                             Map<String, List<String>> headerValues, Set<String> onEveryWrite) {
        List<Hostile> all = new ArrayList<>();
        all.add(new Hostile("a 10k-character URI", "GET", "/" + "x".repeat(10_000), Map.of(), null));
        all.add(new Hostile("30k of headers", "GET", "/q/openapi", Map.of("X-Padding", "p".repeat(30_000)), null));
        openApi.path("paths").fields().forEachRemaining(path -> all.addAll(otherMethods(path.getKey(),
                path.getValue(), pathIds)));
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase(Locale.ROOT);
            String operation = method + " " + path.getKey();
            if (skip.contains(operation)) {
                return;
            }
            JsonNode spec = op.getValue();
            String concretePath = fill(path.getKey(), pathIds);
            Optional<JsonNode> bodySchema = bodySchema(spec);
            String base = bodySchema.map(schema -> require(validBodies, operation)).orElse(null);
            bodySchema.ifPresent(schema -> all.addAll(bodies(operation, method, concretePath,
                    read(base), resolve(schema))));
            all.addAll(paths(operation, method, path.getKey(), pathIds, base));
            all.addAll(queries(operation, method, concretePath, spec, base));
            all.addAll(headers(operation, method, concretePath, spec, base, headerValues, onEveryWrite));
        }));
        return all;
    }

    private List<Hostile> bodies(String operation, String method, String path, ObjectNode base, JsonNode schema) {
        List<Hostile> all = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(property -> {
            for (JsonNode value : badValues(property.getKey(), resolve(property.getValue()))) {
                ObjectNode mutated = base.deepCopy();
                mutated.set(property.getKey(), value);
                all.add(json(operation + " " + property.getKey() + "=" + shortly(value), method, path,
                        bytes(mutated)));
            }
        });
        String text = base.toString();
        all.add(json(operation + " truncated", method, path, utf8(text.substring(0, text.length() / 2))));
        all.add(json(operation + " trailing data", method, path, utf8(text + "}garbage")));
        all.add(json(operation + " a second value after the object", method, path, utf8(text + " {}")));
        all.add(json(operation + " nested 1000 deep", method, path,
                utf8("{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}")));
        all.add(json(operation + " empty body", method, path, new byte[0]));
        all.add(json(operation + " blank body", method, path, utf8("   ")));
        all.add(json(operation + " null", method, path, utf8("null")));
        all.add(json(operation + " an array", method, path, utf8("[" + text + "]")));
        all.add(json(operation + " a string", method, path, utf8("\"" + text.replace("\"", "'") + "\"")));
        all.add(json(operation + " empty object", method, path, utf8("{}")));
        ObjectNode unknown = base.deepCopy();
        unknown.put("unexpectedField", 1);
        all.add(json(operation + " unknown field", method, path, bytes(unknown)));
        all.add(json(operation + " invalid UTF-8", method, path, invalidUtf8(text)));
        all.add(json(operation + " over the size limit", method, path, utf8(text.substring(0, text.length() - 1)
                + ",\"padding\":\"" + "p".repeat(200_000) + "\"}")));
        all.add(new Hostile(operation + " as text/plain", method, path, Map.of("Content-Type", "text/plain"),
                utf8(text)));
        all.add(new Hostile(operation + " as application/xml", method, path,
                Map.of("Content-Type", "application/xml"), utf8("<incident/>")));
        all.add(new Hostile(operation + " without a content type", method, path, Map.of(), utf8(text)));
        return all;
    }

    /** The values a field of this schema must refuse; a text field named like {@code fooAt} holds a time. */
    private List<JsonNode> badValues(String name, JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        String type = schema.path("type").asText("");
        if (schema.has("enum")) {
            String first = schema.path("enum").path(0).asText();
            values.addAll(List.of(NODES.numberNode(1), NODES.textNode("1"), NODES.textNode(first.toLowerCase(
                    Locale.ROOT)), NODES.textNode("NOT_A_VALUE"), NODES.booleanNode(true), NODES.arrayNode()));
            return values;
        }
        switch (type) {
            case "string" -> {
                values.addAll(List.of(NODES.numberNode(12345), NODES.booleanNode(true), NODES.arrayNode(),
                        NODES.objectNode()));
                if ("date-time".equals(schema.path("format").asText()) || name.endsWith("At")) {
                    BAD_TIMES.forEach(time -> values.add(NODES.textNode(time)));
                    values.add(NODES.numberNode(1_764_669_600L));
                } else {
                    BAD_TEXT.forEach(text -> values.add(NODES.textNode(text)));
                }
            }
            case "integer", "number" -> values.addAll(List.of(NODES.textNode("3"), NODES.numberNode(1.5),
                    NODES.booleanNode(true), NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(30))),
                    NODES.arrayNode()));
            case "boolean" -> values.addAll(List.of(NODES.textNode("true"), NODES.numberNode(1),
                    NODES.textNode("yes")));
            case "array" -> {
                values.addAll(List.of(NODES.textNode("x"), NODES.objectNode(), NODES.arrayNode().addNull()));
                JsonNode items = resolve(schema.path("items"));
                if (items.has("enum")) {
                    values.add(NODES.arrayNode().add(1));
                } else if ("string".equals(items.path("type").asText())) {
                    ArrayNode many = NODES.arrayNode();
                    for (int i = 0; i < 1000; i++) {
                        many.add("item-" + i);
                    }
                    values.add(many);
                    values.add(NODES.arrayNode().add(12345));
                    BAD_TEXT.forEach(text -> values.add(NODES.arrayNode().add(text)));
                } else if ("object".equals(items.path("type").asText()) || items.has("properties")) {
                    values.add(NODES.arrayNode().add("x"));
                }
            }
            case "object" -> values.addAll(List.of(NODES.textNode("x"), NODES.arrayNode(), NODES.numberNode(1)));
            default -> values.addAll(List.of(NODES.arrayNode().addNull(), NODES.objectNode().put("a", 1)));
        }
        return values;
    }

    private List<Hostile> paths(String operation, String method, String template, Map<String, String> pathIds,
                                String base) {
        List<Hostile> all = new ArrayList<>();
        if (!template.contains("{")) {
            return all;
        }
        for (String id : BAD_IDS) {
            String path = template.replaceAll("\\{[^}]+}", id);
            all.add(base == null ? new Hostile(operation + " id " + shortly(id), method, path, Map.of(), null)
                    : json(operation + " id " + shortly(id), method, path, utf8(base)));
        }
        return all;
    }

    private List<Hostile> queries(String operation, String method, String path, JsonNode spec, String base) {
        List<Hostile> all = new ArrayList<>();
        for (String name : BAD_QUERY_TEXT) {
            String query = path + (path.contains("?") ? "&" : "?") + name + "=1";
            all.add(base == null ? new Hostile(operation + " ?" + shortly(name) + "=1", method, query, Map.of(), null)
                    : json(operation + " ?" + shortly(name) + "=1", method, query, utf8(base)));
        }
        for (JsonNode parameter : spec.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            for (String value : badQueryValues(name, resolve(parameter.path("schema")))) {
                String query = path + (path.contains("?") ? "&" : "?") + name + "=" + value;
                all.add(base == null ? new Hostile(operation + " ?" + name + "=" + shortly(value), method, query,
                        Map.of(), null) : json(operation + " ?" + name + "=" + shortly(value), method, query,
                        utf8(base)));
            }
        }
        return all;
    }

    /** Every parameter refuses the bad text; typed ones refuse what is not of their type too. */
    private static List<String> badQueryValues(String name, JsonNode schema) {
        List<String> values = new ArrayList<>(BAD_QUERY_TEXT);
        String type = schema.path("type").asText("");
        if (schema.has("enum")) {
            values.addAll(List.of("NOT_A_VALUE", "1"));
        } else if (type.equals("integer") || type.equals("number")) {
            values.addAll(List.of("abc", "1.5", "99999999999999999999", "0x10"));
        } else if (type.equals("boolean")) {
            values.addAll(List.of("maybe", "2"));
        } else if ("date-time".equals(schema.path("format").asText()) || name.equals("from") || name.equals("to")
                || name.endsWith("From") || name.endsWith("To") || name.endsWith("At")) {
            values.addAll(List.of("yesterday", "-999999999-01-01T00:00:00Z", "2026-13-45T00:00:00Z"));
        }
        return values;
    }

    /** Each method the path does not take: 405. */
    private List<Hostile> otherMethods(String template, JsonNode pathItem, Map<String, String> pathIds) {
        List<Hostile> all = new ArrayList<>();
        for (String method : METHODS) {
            if (!pathItem.has(method.toLowerCase(Locale.ROOT))) {
                all.add(new Hostile(method + " " + template + " (not taken)", method, fill(template, pathIds),
                        Map.of(), null));
            }
        }
        return all;
    }

    private List<Hostile> headers(String operation, String method, String path, JsonNode spec, String base,
                                  Map<String, List<String>> headerValues, Set<String> onEveryWrite) {
        List<Hostile> all = new ArrayList<>();
        Set<String> declared = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (JsonNode parameter : spec.path("parameters")) {
            if ("header".equals(parameter.path("in").asText())) {
                declared.add(parameter.path("name").asText());
            }
        }
        headerValues.forEach((name, values) -> {
            if (!declared.contains(name) && !(base != null && method.equals("POST") && onEveryWrite.contains(name))) {
                return;
            }
            for (String value : values) {
                Map<String, String> headers = new LinkedHashMap<>();
                if (base != null) {
                    headers.put("Content-Type", "application/json");
                }
                headers.put(name, value);
                all.add(new Hostile(operation + " header " + name + "=" + shortly(value), method, path, headers,
                        base == null ? null : utf8(base)));
            }
        });
        return all;
    }

    private Optional<JsonNode> bodySchema(JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return resolve(openApi.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        Iterator<JsonNode> all = schema.path("allOf").elements();
        return all.hasNext() ? resolve(all.next()) : schema;
    }

    private String fill(String template, Map<String, String> pathIds) {
        String path = pathPrefix + template;
        for (Map.Entry<String, String> id : pathIds.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path.replaceAll("\\{[^}]+}", "x");
    }

    private static String require(Map<String, String> validBodies, String operation) {
        String body = validBodies.get(operation);
        if (body == null) {
            throw new AssertionError("No valid body given for " + operation + ": add one, so its hostile variants "
                    + "are tested");
        }
        return body;
    }

    private static Hostile json(String name, String method, String path, byte[] body) {
        return new Hostile(name, method, path, Map.of("Content-Type", "application/json"), body);
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return utf8(JSON.writeValueAsString(node).replace(LONE_SURROGATE, "\\ud800"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The body with an overlong encoding of '/' (0xC0 0xAF) inside its first string value. */
    private static byte[] invalidUtf8(String text) {
        int quote = text.indexOf("\":\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = utf8(text.substring(0, quote + 3));
        out.write(head, 0, head.length);
        out.write(0xC0);
        out.write(0xAF);
        byte[] tail = utf8(text.substring(quote + 3));
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    private static String shortly(Object value) {
        String text = String.valueOf(value);
        return text.length() > 24 ? text.substring(0, 24) + "...(" + text.length() + ")" : text;
    }
}
