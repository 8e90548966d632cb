package dev.incidents.commands.it;

import dev.incidents.testing.TestStack;
import io.restassured.http.ContentType;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

/** Defines components in the shared test broker's catalog as the local realm's incident-admin, for declares. */
final class CatalogComponents {

    private CatalogComponents() {
    }

    static void define(String id, String name, String group, boolean visibleToPublic) {
        given().auth().oauth2(TestStack.tokens().of("incident-admin")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "group", group, "public", visibleToPublic))
                .put("/components/" + id).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }
}
