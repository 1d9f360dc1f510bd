package io.cioconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.e2e.RunningService;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /health/ready} of the whole service: its checks, a background job that dies, and a graceful stop. */
class ReadinessIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readinessChecksTheDatabaseEveryBackgroundJobAndThatTheServiceIsNotStopping() throws Exception {
        try (RunningService service = RunningService.start(Mode.DEV, POSTGRES.database(), Map.of())) {
            HttpResponse<String> ready = get(service, "/health/ready");

            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).startsWith("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"},")
                    .contains("{\"name\":\"serving\",\"status\":\"UP\"}",
                            "{\"name\":\"purge_expired_flows\",\"status\":\"UP\"}",
                            "{\"name\":\"retry_revocations\",\"status\":\"UP\"}",
                            "{\"name\":\"refresh_sweep.sandbox\",\"status\":\"UP\"}",
                            "{\"name\":\"store_statistics\",\"status\":\"UP\"}");
            assertThat(get(service, "/health/live").body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void aBackgroundJobThatDiesShowsInReadinessUntilItsRestartedRunSucceeds() throws Exception {
        try (RunningService service = RunningService.start(Mode.DEV, POSTGRES.database(), Map.of())) {
            AtomicBoolean broken = new AtomicBoolean(true);
            service.service().jobs().every(Duration.ofMillis(10), Duration.ofMillis(200), "deliver_something", () -> {
                if (broken.get()) {
                    throw new NoClassDefFoundError("an Error, not an Exception");
                }
                return 0;
            });

            Awaitility.await().atMost(WAIT).until(() -> get(service, "/health/ready").statusCode() == 503);
            assertThat(get(service, "/health/ready").body()).startsWith("{\"status\":\"DOWN\"")
                    .contains("{\"name\":\"deliver_something\",\"status\":\"DOWN\"}")
                    .contains("{\"name\":\"database\",\"status\":\"UP\"}");

            broken.set(false);
            Awaitility.await().atMost(WAIT).until(() -> get(service, "/health/ready").statusCode() == 200);
            assertThat(get(service, "/health/ready").body()).contains("{\"name\":\"deliver_something\",\"status\":\"UP\"}");
        }
    }

    @Test
    void readinessIsDownFromTheMomentAStopBeginsWhileTheServerStillAnswers() throws Exception {
        RunningService service = RunningService.start(Mode.DEV, POSTGRES.database(), Map.of());
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        // A run in progress holds the stop between "readiness DOWN" and "the server stops taking requests".
        service.service().jobs().every(Duration.ofMillis(10), Duration.ofHours(1), "long_run", () -> {
            running.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        running.await();
        assertThat(get(service, "/health/ready").statusCode()).isEqualTo(200);
        Thread stopping = new Thread(service::close);
        try {
            stopping.start();

            Awaitility.await().atMost(WAIT).until(() -> get(service, "/health/ready").statusCode() == 503);
            assertThat(get(service, "/health/ready").body()).contains("{\"name\":\"serving\",\"status\":\"DOWN\"}");
            assertThat(get(service, "/health/live").statusCode()).isEqualTo(200);
        } finally {
            finish.countDown();
            stopping.join(WAIT.toMillis());
        }
        assertThat(stopping.isAlive()).isFalse();
        assertThatThrownBy(() -> get(service, "/health/live")).isInstanceOf(ConnectException.class);
    }

    private HttpResponse<String> get(RunningService service, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(service.baseUrl.resolve(path)).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
