package io.cioconnect.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.cioconnect.application.port.out.WebhookSender.Attempt;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against a real receiver that checks signatures with the Standard Webhooks reference library. */
class HttpWebhookSenderIT {

    static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String NEW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String BODY = "{\"type\":\"connection.created\",\"data\":{\"owner\":\"user-42\"}}";

    private final VerifyingReceiver receiver = VerifyingReceiver.start(OLD_SECRET, NEW_SECRET);

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static WebhookEvent event() {
        return WebhookEvent.announce(UUID.randomUUID(), WebhookEventType.CREATED, new ConnectionId(UUID.randomUUID()),
                BODY, Instant.now());
    }

    private HttpWebhookSender sender(URI url, Duration timeout, String... secrets) {
        return new HttpWebhookSender(new WebhookTarget(url,
                List.of(secrets).stream().map(WebhookSecret::parse).toList(), timeout), Clock.systemUTC());
    }

    @Test
    void sendsTheBodySignedWithEverySecretAndEachSignatureVerifies() {
        WebhookEvent event = event();

        Attempt attempt = sender(receiver.url(), Duration.ofSeconds(5), OLD_SECRET, NEW_SECRET).send(event);

        assertThat(attempt.delivered()).isTrue();
        VerifyingReceiver.Delivery delivery = receiver.deliveries().get(0);
        assertThat(delivery.body()).isEqualTo(BODY);
        assertThat(delivery.id()).isEqualTo(event.id().toString());
        assertThat(delivery.headers().get("content-type")).isEqualTo("application/json");
        assertThat(Long.parseLong(delivery.headers().get("webhook-timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        assertThat(delivery.signatures().split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
        assertThat(delivery.verifiedBy()).containsExactly(OLD_SECRET, NEW_SECRET);
    }

    @Test
    void aReceiverThatKnowsOnlyTheNewSecretVerifiesDuringARotation() {
        try (VerifyingReceiver rotated = VerifyingReceiver.start(NEW_SECRET)) {
            assertThat(sender(rotated.url(), Duration.ofSeconds(5), OLD_SECRET, NEW_SECRET).send(event()).delivered())
                    .isTrue();
            assertThat(rotated.deliveries().get(0).verifiedBy()).containsExactly(NEW_SECRET);
        }
    }

    /** The published example of the Standard Webhooks specification, computed by our signer. */
    @Test
    void signsTheSpecificationsExampleAsPublished() {
        assertThat(WebhookSignature.header(List.of(WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anythingButA2xxIsNotDelivered() {
        receiver.answer(VerifyingReceiver.Mode.DOWN);

        Attempt attempt = sender(receiver.url(), Duration.ofSeconds(5), NEW_SECRET).send(event());

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.detail()).isEqualTo("HTTP 503");
    }

    @Test
    void aHangingReceiverIsGivenUpOnAtTheDeadline() {
        receiver.answer(VerifyingReceiver.Mode.HANG);
        long started = System.nanoTime();

        Attempt attempt = sender(receiver.url(), Duration.ofSeconds(1), NEW_SECRET).send(event());

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.detail()).isEqualTo("no answer within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        AtomicInteger followed = new AtomicInteger();
        HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirecting.createContext("/hooks", exchange -> {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        redirecting.createContext("/elsewhere", exchange -> {
            followed.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        redirecting.start();
        try {
            Attempt attempt = sender(URI.create("http://127.0.0.1:" + redirecting.getAddress().getPort() + "/hooks"),
                    Duration.ofSeconds(5), NEW_SECRET).send(event());

            assertThat(attempt.delivered()).isFalse();
            assertThat(attempt.detail()).isEqualTo("HTTP 307");
            assertThat(followed).hasValue(0);
        } finally {
            redirecting.stop(0);
        }
    }

    @Test
    void anEndlessAnswerIsReadOnlyUpToTheCap() throws Exception {
        AtomicLong written = new AtomicLong();
        HttpServer endless = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endless.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[1024];
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < 64L * 1024 * 1024) {
                    out.write(chunk);
                    out.flush();
                    written.addAndGet(chunk.length);
                }
            } catch (IOException stoppedReading) {
                // The sender cancelled the body: what this test expects.
            }
        });
        endless.start();
        try {
            Attempt attempt = sender(URI.create("http://127.0.0.1:" + endless.getAddress().getPort() + "/hooks"),
                    Duration.ofSeconds(5), NEW_SECRET).send(event());

            assertThat(attempt.delivered()).isTrue();
            assertThat(written.get()).isLessThan(64L * 1024 * 1024);
        } finally {
            endless.stop(0);
        }
    }

    @Test
    void aReceiverThatIsNotThereIsAFailedAttempt() {
        URI nobody = URI.create("http://127.0.0.1:1/hooks");

        assertThat(sender(nobody, Duration.ofSeconds(2), NEW_SECRET).send(event()).delivered()).isFalse();
    }

    @Test
    void refusesSecretsThatAreNotStandardWebhooksSecretsWithoutRepeatingThem() {
        String shortKey = "whsec_" + Base64.getEncoder().encodeToString(new byte[16]);
        for (String bad : List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not*base64", shortKey)) {
            assertThatThrownBy(() -> WebhookSecret.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad.substring(6)));
        }
        assertThat(WebhookSecret.parse(NEW_SECRET)).hasToString("WebhookSecret[redacted]");
    }

    @Test
    void refusesPlainHttpToAnotherHost() {
        assertThatThrownBy(() -> new WebhookTarget(URI.create("http://example.com/hooks"),
                List.of(WebhookSecret.parse(NEW_SECRET)), Duration.ofSeconds(10)))
                .hasMessageContaining("https");
        assertThat(new WebhookTarget(URI.create("https://example.com/hooks"), List.of(WebhookSecret.parse(NEW_SECRET)),
                Duration.ofSeconds(10)).url().getHost()).isEqualTo("example.com");
    }
}
