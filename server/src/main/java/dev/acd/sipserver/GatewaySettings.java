package dev.acd.sipserver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;

import dev.acd.config.SipSettings;
import dev.acd.sip.auth.DigestSettings;
import dev.acd.sip.defence.DefenceSettings;
import dev.acd.sip.media.MediaSettings;
import dev.acd.sip.message.SipLimits;
import dev.acd.sip.registrar.RegistrarSettings;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transport.TransportSettings;

/**
 * Maps the configuration's {@code sip:} section onto the sip-gateway's settings records (sip-gateway does not know
 * the configuration module). The configuration was validated when loaded, so the records' own checks pass.
 */
public final class GatewaySettings {
    private GatewaySettings() {
    }

    public static TransportSettings transports(SipSettings sip) {
        InetSocketAddress address = new InetSocketAddress(literal(sip.bind()), sip.port());
        return new TransportSettings(sip.udp() ? List.of(address) : List.of(), sip.tcp() ? List.of(address) : List.of(),
                sip.ioThreads(), sip.tcpIdleTimeoutMs(), SipLimits.MAX_MESSAGE_BYTES, SipLimits.MAX_HEADER_BYTES);
    }

    public static TimerSettings timers(SipSettings sip) {
        return new TimerSettings(sip.timers().t1Ms(), sip.timers().t2Ms(), sip.timers().t4Ms());
    }

    public static RegistrarSettings registrar(SipSettings sip) {
        SipSettings.Registrar r = sip.registrar();
        return new RegistrarSettings(r.minExpiresSeconds(), r.maxExpiresSeconds(), r.defaultExpiresSeconds(),
                r.maxContactsPerUser(), r.pingIntervalMs(), r.pingMaxMisses());
    }

    public static DigestSettings digest(SipSettings sip) {
        return new DigestSettings(sip.digest().algorithms(), sip.digest().nonceLifetimeMs(), DigestSettings.DEFAULT_MAX_TRACKED_NONCES,
                sip.digest().acceptNoQop());
    }

    public static DefenceSettings defence(SipSettings sip) {
        SipSettings.Defence d = sip.defence();
        return new DefenceSettings(d.windowMs(), d.maxFailuresPerSource(), d.maxFailuresPerUser(), d.blockMs(),
                DefenceSettings.DEFAULT_MAX_TRACKED_SOURCES, DefenceSettings.DEFAULT_MAX_TRACKED_USERS,
                DefenceSettings.DEFAULT_MAX_BLOCKED_SOURCES);
    }

    public static MediaSettings media(SipSettings sip) {
        return new MediaSettings(sip.media().rtpPortFirst(), sip.media().rtpPortLast(), sip.media().noMediaTimeoutMs());
    }

    /**
     * The address our Via, Contact and SDP carry: the configured advertised address; else the bound address; else,
     * bound to a wildcard, this host's first non-loopback IPv4 address that is up (loopback when it has none).
     */
    public static InetAddress advertised(SipSettings sip) {
        if (sip.advertisedAddress() != null) {
            try {
                return InetAddress.getByName(sip.advertisedAddress());
            } catch (UnknownHostException e) {
                throw new IllegalStateException("sip.advertisedAddress '" + sip.advertisedAddress()
                        + "' does not resolve: " + e.getMessage(), e);
            }
        }
        InetAddress bound = literal(sip.bind());
        return bound.isAnyLocalAddress() ? firstHostAddress() : bound;
    }

    private static InetAddress firstHostAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof java.net.Inet4Address && !address.isLinkLocalAddress()) {
                        return address;
                    }
                }
            }
        } catch (SocketException e) {
            // no interface list: loopback below
        }
        return InetAddress.getLoopbackAddress();
    }

    /** An IP literal from the validated configuration (no DNS). */
    static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + ip, e);
        }
    }
}
