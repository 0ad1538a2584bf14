package org.ruleone.mailroom.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Function;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;

/**
 * Where the owner may point a store's mailbox. The server connects wherever it is told, from inside the shop's
 * network: a host that resolves to a private, loopback, link-local or unspecified address is refused unless the
 * owner confirms the mail server is on their own network. Failures are told in plain reasons, never in the server's
 * words (whatever answers on that port would otherwise be shown back).
 */
public final class MailServerAddresses {

    private final Function<String, InetAddress[]> resolver;

    public MailServerAddresses() {
        this(host -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                return new InetAddress[0];
            }
        });
    }

    MailServerAddresses(Function<String, InetAddress[]> resolver) {
        this.resolver = resolver;
    }

    /** @return the message key of why this host is refused, or empty when it may be used */
    public Optional<String> refusal(String host, boolean ownNetworkConfirmed) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.apply(bare);
        if (addresses.length == 0) {
            return Optional.of("mailroom.error.hostUnknown");
        }
        for (InetAddress address : addresses) {
            if (internal(address) && !ownNetworkConfirmed) {
                return Optional.of("mailroom.error.privateHost");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = b[0] & 0xff;
        return first == 0 // "this network" 0.0.0.0/8
                || (first == 100 && (b[1] & 0xc0) == 64) // shared address space 100.64.0.0/10
                || (first == 192 && (b[1] & 0xff) == 0 && (b[2] & 0xff) == 0); // IETF protocol assignments
    }

    /** @return the message key of a plain reason for a failed connection */
    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return "mailroom.test.reason.login";
            }
            if (t instanceof UnknownHostException) {
                return "mailroom.error.hostUnknown";
            }
            if (t instanceof SSLException) {
                return "mailroom.test.reason.tls";
            }
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.net.ConnectException
                    || t instanceof java.net.NoRouteToHostException) {
                return "mailroom.test.reason.unreachable";
            }
        }
        return "mailroom.test.reason.other";
    }
}
