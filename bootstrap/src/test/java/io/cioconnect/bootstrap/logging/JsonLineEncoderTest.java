package io.cioconnect.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JsonLineEncoderTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("io.cioconnect.test");

    private JsonNode encode(LoggingEvent event) throws Exception {
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        return new ObjectMapper().readTree(line);
    }

    private JsonNode encode(String message, Object... arguments) throws Exception {
        return encode(new LoggingEvent("fqcn", logger, Level.WARN, message, null, arguments));
    }

    @Test
    void writesOneObjectPerLineWithTheFieldNamesOfTheElasticCommonSchema() throws Exception {
        JsonNode json = encode("Refresh of {} failed:\n\"{}\"", "connection 42", "timeout");

        assertThat(json.get("@timestamp").asText()).endsWith("Z");
        assertThat(json.get("log.level").asText()).isEqualTo("WARN");
        assertThat(json.get("log.logger").asText()).isEqualTo("io.cioconnect.test");
        assertThat(json.get("process.thread.name").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(json.get("message").asText()).isEqualTo("Refresh of connection 42 failed:\n\"timeout\"");
        assertThat(json.has("error.type")).isFalse();
    }

    @Test
    void carriesTheLoggingContextSuchAsTheRequestId() throws Exception {
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.INFO, "hello", null, new Object[0]);
        event.setMDCPropertyMap(Map.of("http.request.id", "req-1"));

        assertThat(encode(event).get("http.request.id").asText()).isEqualTo("req-1");
    }

    @Test
    void masksCredentialsThatSlipIntoAMessage() throws Exception {
        JsonNode json = encode("GET {}", "/oauth/customerio/callback?code=the-code&state=the-state");

        assertThat(json.get("message").asText()).doesNotContain("the-code").doesNotContain("the-state");
    }

    @Test
    void writesTheExceptionWithItsStackTraceAndCausesRedacted() throws Exception {
        Exception failure = new IllegalStateException("refresh failed: refresh_token=rt-secret-1",
                new RuntimeException("Authorization: Bearer eyJsecretsecret"));
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.ERROR, "it broke", failure, new Object[0]);

        JsonNode json = encode(event);

        assertThat(json.get("error.type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("error.message").asText()).isEqualTo("refresh failed: refresh_token=[redacted]");
        assertThat(json.get("error.stack_trace").asText())
                .contains("at io.cioconnect.bootstrap.logging.JsonLineEncoderTest", "Caused by: java.lang.RuntimeException")
                .doesNotContain("rt-secret-1").doesNotContain("eyJsecretsecret");
    }
}
