package dev.incidents.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests (multi-document YAML) into Kubernetes' and Strimzi's own models, and finds the fields
 * a document holds that its model's schema does not define, for the manifest tests.
 */
final class KubernetesYaml {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KubernetesYaml() {
    }

    /** The documents of a YAML file, empty ones left out. */
    static List<JsonNode> documents(Path file) throws IOException {
        return documents(YAML.readerFor(JsonNode.class).readValues(file.toFile()));
    }

    /** The documents of YAML text, empty ones left out. */
    static List<JsonNode> documents(String yaml) throws IOException {
        return documents(YAML.readerFor(JsonNode.class).readValues(yaml));
    }

    /** Every manifest of a Kustomize folder (its YAML files but the kustomization), in file name order. */
    static List<JsonNode> manifests(Path folder) throws IOException {
        List<JsonNode> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".yaml")
                    && !file.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
                resources.addAll(documents(file));
            }
        }
        return resources;
    }

    /** The manifests of a Kustomize folder of the kind {@code model} is named after, as {@code model}. */
    static <T> List<T> manifests(Path folder, Class<T> model) throws IOException {
        List<T> found = new ArrayList<>();
        for (JsonNode resource : manifests(folder)) {
            if (resource.path("kind").asText().equals(model.getSimpleName())) {
                found.add(YAML.treeToValue(resource, model));
            }
        }
        return found;
    }

    /** Every document of a YAML file as {@code model}. */
    static <T> List<T> read(Path file, Class<T> model) throws IOException {
        List<T> resources = new ArrayList<>();
        for (JsonNode document : documents(file)) {
            resources.add(YAML.treeToValue(document, model));
        }
        return resources;
    }

    /**
     * Where a model object holds fields its schema does not define (each place once): Fabric8's and Strimzi's models
     * keep those in {@code additionalProperties} instead of refusing them.
     */
    static List<String> unknownFields(Object model, String path) throws ReflectiveOperationException {
        return walk(model, path).stream().distinct().toList();
    }

    private static List<JsonNode> documents(MappingIterator<JsonNode> yaml) throws IOException {
        try (yaml) {
            return yaml.readAll().stream().filter(document -> !document.isEmpty()).toList();
        }
    }

    private static List<String> walk(Object model, String path) throws ReflectiveOperationException {
        List<String> unknown = new ArrayList<>();
        if (model instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknown.addAll(walk(item, path + "[" + i++ + "]"));
            }
        } else if (model instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                unknown.addAll(walk(entry.getValue(), path + "." + entry.getKey()));
            }
        } else if (model != null && isModel(model.getClass())) {
            for (Method getter : model.getClass().getMethods()) {
                if (!isGetter(getter)) {
                    continue;
                }
                Object value = invoke(getter, model);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    unknown.addAll(walk(value, path + "." + getter.getName().substring(3)));
                }
            }
        }
        return unknown;
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum() && (name.startsWith("io.fabric8.kubernetes.api.model")
                || name.startsWith("io.strimzi.api.kafka.model"));
    }

    private static boolean isGetter(Method method) {
        return method.getName().startsWith("get") && method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers()) && !method.getName().equals("getClass");
    }

    private static Object invoke(Method getter, Object model) throws IllegalAccessException {
        try {
            return getter.invoke(model);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(getter + " failed", e.getCause());
        }
    }
}
