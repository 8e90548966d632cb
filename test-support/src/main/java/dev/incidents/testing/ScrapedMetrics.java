package dev.incidents.testing;

import io.restassured.RestAssured;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads /q/metrics of the service under test as Prometheus scrapes it: open to anybody, text format. */
public final class ScrapedMetrics {

    private ScrapedMetrics() {
    }

    /** The whole exposition text. */
    public static String text() {
        return RestAssured.given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one sample, written as it appears (name and labels in order); 0 when it is absent. */
    public static double value(String sample) {
        Matcher line = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(text());
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
