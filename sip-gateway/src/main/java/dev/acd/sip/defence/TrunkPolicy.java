package dev.acd.sip.defence;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trunk side's allow-list: the addresses and networks (CIDR) carriers, SBCs and PBXs send from. Call control
 * answers a request on the trunk side from any other address with 403. Immutable and thread-safe.
 */
public final class TrunkPolicy {
    private record Network(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private final List<Network> networks;
    private final List<String> entries;

    private TrunkPolicy(List<Network> networks, List<String> entries) {
        this.networks = networks;
        this.entries = entries;
    }

    /**
     * A policy allowing the listed addresses ({@code 198.51.100.7}, {@code 2001:db8::5}) and networks
     * ({@code 203.0.113.0/24}, {@code 2001:db8::/32}); only literal addresses, never host names (no DNS lookups).
     *
     * @throws IllegalArgumentException naming the entry and its position when one is not an address or network
     */
    public static TrunkPolicy of(List<String> allowed) {
        List<Network> networks = new ArrayList<>();
        for (int i = 0; i < allowed.size(); i++) {
            networks.add(parse(allowed.get(i), i));
        }
        return new TrunkPolicy(List.copyOf(networks), List.copyOf(allowed));
    }

    /** True when requests from {@code source} may come in on the trunk side. */
    public boolean allows(InetAddress source) {
        byte[] address = source.getAddress();
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The entries as configured. */
    public List<String> entries() {
        return entries;
    }

    private static Network parse(String entry, int index) {
        String where = "trunk allow-list entry " + (index + 1) + " '" + entry + "'";
        if (entry == null || entry.isBlank()) {
            throw new IllegalArgumentException(where + ": empty");
        }
        String text = entry.strip();
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        if (!host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException(where + ": not an IP address (host names are not allowed)");
        }
        byte[] prefix;
        try {
            prefix = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(where + ": not an IP address", e);
        }
        int max = prefix.length * 8;
        int bits = max;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": prefix length is not a number", e);
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException(where + ": prefix length must be 0-" + max);
            }
        }
        return new Network(prefix, bits);
    }
}
