package dev.incidents.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a started server runs: this machine's loopback, or a host of its own made of a network namespace (the
 * cluster test's several hosts on one machine). A server binds to {@code address} and is reached there.
 *
 * @param launcher what runs a command on the host ({@code ip netns exec NAME}); empty for loopback
 */
public record Host(String name, String address, List<String> launcher) {

    public static final Host LOOPBACK = new Host("loopback", "127.0.0.1", List.of());

    public Host {
        launcher = List.copyOf(launcher);
    }

    /** The command, run on this host. */
    public List<String> run(List<String> command) {
        List<String> full = new ArrayList<>(launcher);
        full.addAll(command);
        return full;
    }

    /** {@code http://ADDRESS:PORT} */
    public String url(int port) {
        return "http://" + address + ":" + port;
    }
}
