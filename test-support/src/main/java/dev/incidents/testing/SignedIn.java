package dev.incidents.testing;

import io.restassured.RestAssured;

/**
 * Makes every RestAssured request of a test class carry a real token of one of the local realm's people, for tests
 * whose subject is not access (that is {@link RouteMatrix}'s): call {@link #as} in {@code @BeforeAll} and
 * {@link #out} in {@code @AfterAll}.
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static void as(String user) {
        RestAssured.authentication = RestAssured.oauth2(TestStack.tokens().of(user));
    }

    public static void out() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }
}
