package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1", "http://127.255.10.1:9000/x",
        "http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]", "http://[::ffff:127.0.0.1]"})
    void takesLocalhostTheLoopbackNetAndIpv6LoopbackAsLoopback(String url) {
        assertThat(Loopback.isLoopback(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.evil.example", "http://127.0.0.1.nip.io", "http://localhost.evil.example",
        "http://evil-localhost", "http://128.0.0.1", "http://0177.0.0.1", "http://127.1", "http://2130706433",
        "http://[::2]", "http://10.0.0.1", "http://0.0.0.0", "https://connect.example.com", "mailto:someone@localhost"})
    void takesEverythingElseAsRemote(String url) {
        assertThat(Loopback.isLoopback(URI.create(url))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "::1", "[::1]"})
    void judgesBareHostsToo(String host) {
        assertThat(Loopback.isLoopbackHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "127.", "127.0.0.256", "::1%lo", "fe80::1", "db.internal"})
    void refusesMalformedOrRemoteBareHosts(String host) {
        assertThat(Loopback.isLoopbackHost(host)).isFalse();
    }
}
