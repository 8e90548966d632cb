package dev.incidents.notifier.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses the notifier may send to, so that a subscription cannot make it a proxy into the network it runs
 * in (server-side request forgery): loopback, link-local (the cloud metadata address 169.254.169.254 among them),
 * private (RFC 1918, fc00::/7), carrier-grade NAT, multicast, broadcast and unspecified addresses are refused, also
 * when an IPv6 address carries one (IPv4-mapped or -compatible, NAT64, 6to4), unless an operator allows a network
 * by CIDR.
 */
public final class NetworkPolicy {

    /** Why a refused attempt failed, as the delivery ledger shows it (never the internal error). */
    public static final String REFUSED = "refused by network policy";

    private static final List<Cidr> FORBIDDEN = Cidr.all("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8");

    private final List<Cidr> allowed;

    private NetworkPolicy(List<Cidr> allowed) {
        this.allowed = allowed;
    }

    /** @param allowedNetworks CIDRs such as 127.0.0.0/8 or ::1/128 that are allowed although they are internal */
    public static NetworkPolicy allowing(List<String> allowedNetworks) {
        return new NetworkPolicy(Cidr.all(allowedNetworks.toArray(String[]::new)));
    }

    public boolean permits(InetAddress address) {
        InetAddress plain = unmapped(address);
        return allowed.stream().anyMatch(cidr -> cidr.contains(plain))
                || FORBIDDEN.stream().noneMatch(cidr -> cidr.contains(plain));
    }

    /**
     * The refusal of a target host that can be judged without asking DNS (an address literal, or "localhost"),
     * before it is saved; a name is judged at every connection, on the addresses it resolves to.
     */
    public Optional<String> refusalOf(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost") || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            bare = "127.0.0.1";
        } else if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return Optional.empty();
        }
        Optional<InetAddress> address = literal(bare);
        if (address.isEmpty()) {
            return Optional.of("not an address: " + host);
        }
        return permits(address.get()) ? Optional.empty() : Optional.of(REFUSED);
    }

    /**
     * An address written as a dotted quad or in IPv6 notation, read without asking DNS; other numeric forms
     * ("2130706433", "0x7f.1") are not addresses here.
     */
    static Optional<InetAddress> literal(String text) {
        boolean dottedQuad = text.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
        if (!dottedQuad && !(text.contains(":") && text.matches("[0-9a-fA-F:.]+"))) {
            return Optional.empty();
        }
        try {
            // a literal: InetAddress reads it without a lookup
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The IPv4 address an IPv6 address carries and reaches, if it does: IPv4-mapped (::ffff:a.b.c.d) and
     * IPv4-compatible (::a.b.c.d), NAT64's well-known prefix (64:ff9b::/96, RFC 6052) and 6to4 (2002::/16, RFC 3056);
     * otherwise the address itself.
     */
    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        if (zeros(bytes, 0, 10) && (bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF
                || bytes[10] == 0 && bytes[11] == 0 && !zeros(bytes, 12, 15))) {
            return ipv4(bytes, 12);
        }
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == (byte) 0xFF && bytes[3] == (byte) 0x9B
                && zeros(bytes, 4, 12)) {
            return ipv4(bytes, 12);
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            return ipv4(bytes, 2);
        }
        return address;
    }

    /** Whether bytes[from] up to bytes[to] (exclusive) are all zero. */
    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes, int at) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, at, at + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are always an IPv4 address", e);
        }
    }

    /** A network written as address/prefix length. */
    private record Cidr(byte[] network, int prefix) {

        static List<Cidr> all(String... cidrs) {
            return Arrays.stream(cidrs).map(String::strip).filter(cidr -> !cidr.isEmpty())
                    .map(Cidr::parse).toList();
        }

        static Cidr parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            byte[] network = literal(parts[0]).map(InetAddress::getAddress).orElseThrow(() ->
                    new IllegalArgumentException("Not a network (address/prefix, e.g. 127.0.0.0/8): " + cidr));
            int prefix = parts.length == 2 && parts[1].matches("\\d{1,3}") ? Integer.parseInt(parts[1])
                    : parts.length == 2 ? -1 : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("Not a network (address/prefix, e.g. 127.0.0.0/8): " + cidr);
            }
            return new Cidr(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
