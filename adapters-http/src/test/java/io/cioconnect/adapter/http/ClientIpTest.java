package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientIpTest {

    private final ClientIp behindProxy = new ClientIp(Set.of(address("10.0.0.1"), address("10.0.0.2")));

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertThat(new ClientIp(Set.of()).resolve("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(behindProxy.resolve("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedAddressIsTheClient() {
        assertThat(behindProxy.resolve("10.0.0.1", List.of("6.6.6.6, 198.51.100.7, 10.0.0.2"))).isEqualTo("198.51.100.7");
        assertThat(behindProxy.resolve("10.0.0.1", List.of("6.6.6.6", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aGarbledEntryStopsTheWalk() {
        assertThat(behindProxy.resolve("10.0.0.1", List.of("198.51.100.7, evil.example.com"))).isEqualTo("10.0.0.1");
    }

    @Test
    void hostNamesAreNeverLookedUpEvenWhenTheyLookLikeHex() {
        assertThat(behindProxy.resolve("10.0.0.1", List.of("cafe.be"))).isEqualTo("10.0.0.1");
        assertThat(behindProxy.resolve("10.0.0.1", List.of("localhost"))).isEqualTo("10.0.0.1");
    }

    @Test
    void ipv6ClientsAndBracketedAddressesAreUnderstood() {
        ClientIp ipv6Proxy = new ClientIp(Set.of(address("::1")));
        assertThat(ipv6Proxy.resolve("[::1]", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsItselfTheClient() {
        assertThat(behindProxy.resolve("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
