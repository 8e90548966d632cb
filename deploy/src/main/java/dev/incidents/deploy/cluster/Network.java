package dev.incidents.deploy.cluster;

import dev.incidents.deploy.Host;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Several hosts on this one machine: a network namespace per host, each joined to one bridge by a veth pair, on a
 * private /24 that this machine reaches through the bridge's own address. Nothing here routes anywhere else. A host
 * can be cut off (its link set down) and joined again. Needs root and Debian's iproute2.
 */
final class Network implements AutoCloseable {

    private static final String PREFIX = "inc-";
    private static final String BRIDGE = PREFIX + "br0";

    private final String subnet;
    private final List<Host> hosts = new ArrayList<>();

    private Network(String subnet) {
        this.subnet = subnet;
    }

    /**
     * The bridge, with {@code SUBNET.1} for this machine; what an earlier run left behind is removed first.
     *
     * @param subnet the first three parts of the address, such as {@code 10.77.0}
     */
    static Network create(String subnet) throws IOException, InterruptedException {
        removeLeftovers();
        Network network = new Network(subnet);
        ip("link", "add", BRIDGE, "type", "bridge");
        ip("addr", "add", subnet + ".1/24", "dev", BRIDGE);
        ip("link", "set", BRIDGE, "up");
        return network;
    }

    /** The address this machine has on the network: where the hosts reach servers it runs itself. */
    String ownAddress() {
        return subnet + ".1";
    }

    /** The network's addresses, as a CIDR. */
    String cidr() {
        return subnet + ".0/24";
    }

    /** A new host at {@code SUBNET.lastPart}; {@code name} of at most 11 characters (interface names are short). */
    Host addHost(String name, int lastPart) throws IOException, InterruptedException {
        String namespace = PREFIX + name;
        String address = subnet + "." + lastPart;
        ip("netns", "add", namespace);
        ip("link", "add", namespace, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        ip("link", "set", namespace, "master", BRIDGE, "up");
        ip("-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
        ip("-n", namespace, "link", "set", "eth0", "up");
        ip("-n", namespace, "link", "set", "lo", "up");
        Host host = new Host(name, address, List.of("ip", "netns", "exec", namespace));
        hosts.add(host);
        return host;
    }

    /** Cuts the host off: nothing reaches it and nothing leaves it until {@link #rejoin}. */
    void cut(Host host) throws IOException, InterruptedException {
        ip("link", "set", PREFIX + host.name(), "down");
    }

    void rejoin(Host host) throws IOException, InterruptedException {
        ip("link", "set", PREFIX + host.name(), "up");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        removeLeftovers();
    }

    private static void removeLeftovers() throws IOException, InterruptedException {
        for (String line : output(List.of("ip", "-o", "link", "show"))) {
            String name = line.split(": ")[1].split("@")[0];
            if (name.startsWith(PREFIX)) {
                run(List.of("ip", "link", "del", name));
            }
        }
        for (String line : output(List.of("ip", "netns", "list"))) {
            String name = line.split(" ")[0];
            if (name.startsWith(PREFIX)) {
                run(List.of("ip", "netns", "del", name));
            }
        }
    }

    private static void ip(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        int exit = run(command);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit
                    + "): the cluster test needs root and iproute2");
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 30 s");
        }
        return process.exitValue();
    }

    private static List<String> output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        process.waitFor(30, TimeUnit.SECONDS);
        return lines;
    }
}
