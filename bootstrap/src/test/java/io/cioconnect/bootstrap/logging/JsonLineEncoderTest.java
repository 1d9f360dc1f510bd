package io.cioconnect.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JsonLineEncoderTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("io.cioconnect.test");

    private JsonNode encode(String message, Object... arguments) throws Exception {
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.WARN, message, null, arguments);
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        return new ObjectMapper().readTree(line);
    }

    @Test
    void writesOneJsonObjectPerLine() throws Exception {
        JsonNode json = encode("Refresh of {} failed:\n\"{}\"", "connection 42", "timeout");

        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("io.cioconnect.test");
        assertThat(json.get("message").asText()).isEqualTo("Refresh of connection 42 failed:\n\"timeout\"");
        assertThat(json.get("time").asText()).endsWith("Z");
    }

    @Test
    void masksCredentialsThatSlipIntoAMessage() throws Exception {
        JsonNode json = encode("GET {}", "/oauth/customerio/callback?code=the-code&state=the-state");

        assertThat(json.get("message").asText()).doesNotContain("the-code").doesNotContain("the-state");
    }
}
