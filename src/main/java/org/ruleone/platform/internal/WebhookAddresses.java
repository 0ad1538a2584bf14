package org.ruleone.platform.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may go (ADR 0119): an https URL whose host resolves only to public addresses. Every address the
 * name resolves to is checked, and the {@link Target} carries the checked addresses, which the poster connects to
 * itself: a second lookup (DNS rebinding) never happens. The one host the owner allows
 * ({@code ruleone.webhooks.allow-host}) may be plain http and resolve anywhere.
 */
@Component
public class WebhookAddresses {

    /** Why a URL is refused; each is a message key {@code webhooks.refused.<name>}. */
    public enum Refusal { INVALID_URL, NOT_HTTPS, UNRESOLVED, FORBIDDEN_ADDRESS }

    /** A refused URL. */
    public static final class Refused extends Exception {
        private final Refusal reason;

        Refused(Refusal reason, String detail) {
            super(reason + ": " + detail);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    /** Looks a host name up; swapped in tests to play DNS rebinding. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A checked URL: connect to {@code addresses} (in order), and name {@code host} in TLS and the Host header. */
    public record Target(URI uri, String host, int port, boolean https, List<InetAddress> addresses) {
    }

    /** The link-local address clouds answer metadata on, and AWS's IPv6 one: named, though their ranges are refused. */
    static final List<String> METADATA = List.of("169.254.169.254", "fd00:ec2::254");

    private final Resolver resolver;
    private final String allowedHost;

    @Autowired
    WebhookAddresses(@Value("${ruleone.webhooks.allow-host:}") String allowedHost) {
        this(InetAddress::getAllByName, allowedHost);
    }

    public WebhookAddresses(Resolver resolver, String allowedHost) {
        this.resolver = resolver;
        this.allowedHost = allowedHost == null ? "" : allowedHost.strip().toLowerCase(Locale.ROOT);
    }

    /** Checks the URL's form only (no lookup): https, a host, no credentials, no fragment. */
    public URI parse(String url) throws Refused {
        if (url == null || url.isBlank() || url.length() > 2000 || url.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new Refused(Refusal.INVALID_URL, "empty, too long, or with spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused(Refusal.INVALID_URL, e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = host(uri);
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused(Refusal.INVALID_URL, "an https URL with a host, without user or fragment");
        }
        if (scheme.equals("http") && !allowed(host)) {
            throw new Refused(Refusal.NOT_HTTPS, host);
        }
        return uri;
    }

    /** Checks the URL and every address its host resolves to now. */
    public Target check(String url) throws Refused {
        URI uri = parse(url);
        String host = host(uri);
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            throw new Refused(Refusal.UNRESOLVED, host);
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused(Refusal.UNRESOLVED, host);
        }
        if (!allowed(host)) {
            for (InetAddress address : addresses) {
                if (forbidden(address)) {
                    throw new Refused(Refusal.FORBIDDEN_ADDRESS, host + " → " + address.getHostAddress());
                }
            }
        }
        return new Target(uri, host, port, https, List.of(addresses));
    }

    private boolean allowed(String host) {
        return !allowedHost.isEmpty() && allowedHost.equals(host);
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * Loopback, unspecified, private (RFC 1918, fc00::/7), link-local (169.254/16, fe80::/10), multicast, CGNAT
     * (100.64/10), "this network" (0/8), reserved (240/4 and broadcast), the metadata addresses, and IPv6 forms that
     * carry an IPv4 address (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) when that address is one of them.
     */
    static boolean forbidden(InetAddress address) {
        if (METADATA.stream().anyMatch(m -> sameAddress(m, address))) {
            return true;
        }
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240 || (first == 100 && (second & 0xc0) == 64);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean zeros96 = true;
            for (int i = 0; i < 10; i++) {
                zeros96 &= b[i] == 0;
            }
            boolean mapped = zeros96 && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff));
            boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
            if (mapped || nat64) {
                return forbidden(v4(b, 12));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return forbidden(v4(b, 2));
            }
        }
        return false;
    }

    private static InetAddress v4(byte[] bytes, int from) {
        try {
            return InetAddress.getByAddress(new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean sameAddress(String literal, InetAddress address) {
        try {
            return InetAddress.getByName(literal).equals(address);
        } catch (UnknownHostException impossible) {
            return false;
        }
    }
}
