package io.cioconnect.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cioconnect.bootstrap.config.LogFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * An exception logged through the configured console output, in both formats: its message, its cause's
 * message and its whole stack trace go through the same redaction as messages.
 */
class ExceptionLogsTest {

    private static final String TOKEN = "at-9f8e7d6c5b4a";
    private static final String BEARER = "eyJhbGciOi.cGF5bG9hZA.c2ln";

    private final PrintStream standardOut = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Logger log = LoggerFactory.getLogger("io.cioconnect.test.exceptions");

    @AfterEach
    void restore() {
        System.setOut(standardOut);
        Logging.configure(LogFormat.TEXT, Level.INFO);
    }

    private String logAFailureAs(LogFormat format) {
        Logging.configure(format, Level.INFO);
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Exception cause = new IllegalArgumentException("provider said: Authorization: Bearer " + BEARER);
        log.error("Refreshing failed", new IllegalStateException("token response {\"access_token\":\"" + TOKEN + "\"}", cause));
        System.setOut(standardOut);
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void masksTheTokensOfAnExceptionAndItsCauseInText() {
        String text = logAFailureAs(LogFormat.TEXT);

        assertThat(text).contains("ERROR", "Refreshing failed", "java.lang.IllegalStateException",
                "Caused by: java.lang.IllegalArgumentException", "at io.cioconnect.bootstrap.logging.ExceptionLogsTest");
        assertThat(text).doesNotContain(TOKEN).doesNotContain(BEARER).contains("[redacted]");
    }

    @Test
    void masksTheTokensOfAnExceptionAndItsCauseInJson() throws Exception {
        String text = logAFailureAs(LogFormat.JSON);

        assertThat(text.lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("error.type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("error.stack_trace").asText()).contains("Caused by: java.lang.IllegalArgumentException",
                "at io.cioconnect.bootstrap.logging.ExceptionLogsTest");
        assertThat(text).doesNotContain(TOKEN).doesNotContain(BEARER).contains("[redacted]");
    }

    @Test
    void honoursTheLogLevel() {
        Logging.configure(LogFormat.TEXT, Level.WARN);
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        log.info("not shown");
        log.warn("shown");
        System.setOut(standardOut);

        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("shown").doesNotContain("not shown");
    }
}
