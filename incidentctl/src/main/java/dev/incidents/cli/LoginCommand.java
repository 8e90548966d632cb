package dev.incidents.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Callable;

/** Signs in with the device authorization grant, or forgets the sign-in. */
@Command(name = "login", description = "Sign in: open the link shown in any browser and confirm the code.")
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    Incidentctl root;

    @Option(names = "--forget", description = "Forget the stored sign-in instead")
    boolean forget;

    @Override
    public Integer call() throws IOException {
        SignIn signIn = root.signIn();
        if (forget) {
            signIn.logout();
            root.out().println("Signed out.");
            return ExitCode.OK.status();
        }
        String token = signIn.login(root.out());
        root.out().println("Signed in as " + claim(token, "preferred_username") + ".");
        return ExitCode.OK.status();
    }

    private static String claim(String jwt, String name) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return "?";
        }
        try {
            return Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .path(name).asText("?");
        } catch (IOException | IllegalArgumentException unreadable) {
            return "?";
        }
    }
}
