package dev.incidents.testing;

import io.restassured.RestAssured;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads /q/metrics of the service under test as Prometheus scrapes it: open to anybody, text format. */
public final class ScrapedMetrics {

    private ScrapedMetrics() {
    }

    /** The whole exposition text. */
    public static String text() {
        return RestAssured.given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The names of the samples exported now (without labels). */
    public static Set<String> names() {
        return text().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The value of one sample, written as it appears (name and labels in order); 0 when it is absent. */
    public static double value(String sample) {
        Matcher line = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(text());
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
