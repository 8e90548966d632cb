package dev.incidents.notifier.it;

import dev.incidents.testing.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The notifier tests whose subject is not access: their requests are the local realm's notifier-admin's (a viewer
 * too). Who may do what is {@link AccessTest}'s part.
 */
abstract class SignedInAsNotifierAdmin {

    @BeforeAll
    static void signIn() {
        SignedIn.as("notifier-admin");
    }

    @AfterAll
    static void signOut() {
        SignedIn.out();
    }
}
