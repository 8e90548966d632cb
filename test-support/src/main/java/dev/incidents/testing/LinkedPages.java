package dev.incidents.testing;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;

/** Every page of a paged list of the service under test, following each {@code Link: <...>; rel="next"}. */
public final class LinkedPages {

    private LinkedPages() {
    }

    /** The answers, first page first; each must be 200. {@code first} is a path with its query, sent as written. */
    public static List<Response> follow(String first) {
        List<Response> pages = new ArrayList<>();
        String next = first;
        while (next != null) {
            Response page = RestAssured.given().urlEncodingEnabled(false).get(next);
            page.then().statusCode(200);
            pages.add(page);
            String link = page.header("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        return pages;
    }
}
