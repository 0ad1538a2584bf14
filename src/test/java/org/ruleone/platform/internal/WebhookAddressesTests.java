package org.ruleone.platform.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ruleone.platform.internal.WebhookAddresses.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookAddressesTests {

    private static final String PUBLIC = "93.184.215.14";

    private static WebhookAddresses resolvingTo(String... literals) {
        return new WebhookAddresses(host -> {
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByName(literals[i]);
            }
            return addresses;
        }, "hooks.allowed.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.5.5.5", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "169.254.1.1", "fe80::1", "fc00::1", "fd00:ec2::254", "100.64.0.1",
            "100.127.255.254", "0.0.0.0", "::", "224.0.0.1", "ff02::1", "255.255.255.255", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1"})
    void refusesAHostThatResolvesToALocalPrivateOrMetadataAddress(String address) {
        assertThatThrownBy(() -> resolvingTo(address).check("https://hooks.example.test/in"))
                .isInstanceOfSatisfying(WebhookAddresses.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Refusal.FORBIDDEN_ADDRESS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://[::1]:8443/", "https://169.254.169.254/latest/meta-data",
            "https://[fd00:ec2::254]/", "https://10.0.0.5/hook", "https://100.64.1.1/"})
    void refusesAddressLiteralsOfThoseRangesWithTheSystemResolver(String url) {
        assertThatThrownBy(() -> new WebhookAddresses("").check(url))
                .isInstanceOfSatisfying(WebhookAddresses.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Refusal.FORBIDDEN_ADDRESS));
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsPrivate() {
        assertThatThrownBy(() -> resolvingTo(PUBLIC, "10.0.0.7").check("https://hooks.example.test/in"))
                .isInstanceOfSatisfying(WebhookAddresses.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Refusal.FORBIDDEN_ADDRESS));
    }

    @Test
    void acceptsAPublicAddressAndKeepsTheAddressesItChecked() throws Exception {
        WebhookAddresses.Target target = resolvingTo(PUBLIC, "2606:2800:21f:cb07:6820:80da:af6b:8b2c")
                .check("https://hooks.example.test:8443/in?x=1");

        assertThat(target.host()).isEqualTo("hooks.example.test");
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.https()).isTrue();
        assertThat(target.addresses()).extracting(InetAddress::getHostAddress)
                .containsExactly(PUBLIC, "2606:2800:21f:cb07:6820:80da:af6b:8b2c");
    }

    @Test
    void refusesPlainHttpExceptForTheAllowedHost() throws Exception {
        assertThatThrownBy(() -> resolvingTo(PUBLIC).check("http://hooks.example.test/in"))
                .isInstanceOfSatisfying(WebhookAddresses.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Refusal.NOT_HTTPS));

        WebhookAddresses.Target allowed = resolvingTo("127.0.0.1").check("http://hooks.allowed.test:8080/in");
        assertThat(allowed.https()).isFalse();
        assertThat(allowed.addresses()).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.test/in\r\nX-Injected: yes", "https://hooks.example.test/a b",
            "https://user:pw@hooks.example.test/", "https://hooks.example.test/#x", "ftp://hooks.example.test/",
            "javascript:alert(1)", "https:///nohost", "", "https://hooks.example.test/<script>"})
    void refusesUrlsThatAreNotPlainHttpsAddresses(String url) {
        assertThatThrownBy(() -> resolvingTo(PUBLIC).check(url))
                .isInstanceOfSatisfying(WebhookAddresses.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Refusal.INVALID_URL));
    }

    @Test
    void refusesANameThatDoesNotResolve() {
        WebhookAddresses nowhere = new WebhookAddresses(host -> {
            throw new UnknownHostException(host);
        }, "");
        assertThatThrownBy(() -> nowhere.check("https://hooks.example.test/"))
                .isInstanceOfSatisfying(WebhookAddresses.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Refusal.UNRESOLVED));
    }
}
