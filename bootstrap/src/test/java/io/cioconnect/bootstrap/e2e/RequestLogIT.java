package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.LogFormat;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.logging.Logging;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/** The request id and the log format, seen on the whole running service. */
class RequestLogIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static RunningService service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start(Mode.DEV, POSTGRES.database(), Map.of());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private HttpResponse<String> get(URI uri, String requestId) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("X-Request-Id", requestId).timeout(Duration.ofSeconds(20))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyLineLoggedForARequestCarriesItsId() throws Exception {
        URI callback = ConnectFlows.allowedAtSandbox(new Browser(),
                service.api.createConnectUrl("alice", "sandbox", RunningService.RETURN_TO));
        String id = "callback-from-another-browser-1";
        List<ILoggingEvent> lines;
        try (CapturedLogs capture = new CapturedLogs()) {
            lines = capture.events;
            HttpResponse<String> refused = get(callback, id);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("X-Request-Id")).contains(id);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream()
                    .anyMatch(line -> line.getLoggerName().equals("io.cioconnect.http.request")));
        }
        assertThat(lines).filteredOn(line -> id.equals(line.getMDCPropertyMap().get("http.request.id")))
                .extracting(ILoggingEvent::getLoggerName).contains("io.cioconnect.http.request")
                .anyMatch(logger -> logger.startsWith("io.cioconnect.application."));
        String thread = lines.stream().filter(line -> line.getLoggerName().equals("io.cioconnect.http.request"))
                .findFirst().orElseThrow().getThreadName();
        assertThat(lines).filteredOn(line -> line.getThreadName().equals(thread)).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(line -> id.equals(line.getMDCPropertyMap().get("http.request.id")));
    }

    @Test
    void writesJsonLinesWithEcsNamesAndTheRequestId() throws Exception {
        PrintStream standardOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Logging.configure(LogFormat.JSON, Level.INFO);
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(get(service.baseUrl.resolve("/health/live"), "json-line-check").statusCode()).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> printed.toString(StandardCharsets.UTF_8).contains("json-line-check"));
        } finally {
            System.setOut(standardOut);
            Logging.configure(LogFormat.TEXT, Level.INFO);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode line = null;
        for (String text : printed.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode parsed = json.readTree(text);
            if (parsed.path("http.request.id").asText().equals("json-line-check")) {
                line = parsed;
            }
        }
        assertThat(line).as("the request's line among: %s", printed).isNotNull();
        assertThat(line.get("log.logger").asText()).isEqualTo("io.cioconnect.http.request");
        assertThat(line.get("log.level").asText()).isEqualTo("INFO");
        assertThat(line.get("message").asText()).matches("GET /health/live 200 \\d+ms key=-");
        assertThat(line.get("@timestamp").asText()).endsWith("Z");
        assertThat(line.has("process.thread.name")).isTrue();
    }
}
