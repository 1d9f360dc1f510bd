package io.cioconnect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrkPhaseTest {

    @Test
    void readsTheResultLineTheScriptPrints() {
        WrkPhase.WrkResult result = WrkPhase.WrkResult.parse("Running 10s test\n  2 threads\nRESULT 20000 10 5 10000000 512.0 2048.0\n");

        assertThat(result.requests()).isEqualTo(20000);
        assertThat(result.errors()).isEqualTo(15);
        assertThat(result.seconds()).isEqualTo(10.0);
        assertThat(result.ratePerSecond()).isEqualTo(1998.5);
        assertThat(result.p50Ms()).isEqualTo(0.512);
        assertThat(result.p99Ms()).isEqualTo(2.048);
    }

    @Test
    void failsClearlyWhenWrkPrintedNoResult() {
        assertThatThrownBy(() -> WrkPhase.WrkResult.parse("unable to connect to 127.0.0.1:1\n"))
                .hasMessageContaining("wrk printed no result");
    }

    @Test
    void addsRoundsUpAndAveragesTheirPercentiles() {
        WrkPhase.WrkResult sum = WrkPhase.WrkResult.plus(new WrkPhase.WrkResult(100, 0, 5, 1, 4),
                new WrkPhase.WrkResult(300, 2, 5, 3, 8));

        assertThat(sum.requests()).isEqualTo(400);
        assertThat(sum.ratePerSecond()).isEqualTo(39.8);
        assertThat(sum.p99Ms()).isEqualTo(6);
    }

    @Test
    void theAccessTokenScriptPostsWithTheKeyAndCyclesThroughThePaths(@TempDir Path dir) throws Exception {
        Path script = WrkPhase.script(dir.resolve("token.lua"), "POST", "the-key", List.of("/a", "/b"));

        String lua = Files.readString(script);
        assertThat(lua).contains("wrk.method = \"POST\"", "\"Bearer the-key\"", "Content-Length", "{ \"/a\", \"/b\" }",
                "latency:percentile(99)");
    }
}
