package io.cioconnect.adapter.webhook;

import io.cioconnect.application.port.out.WebhookSender;
import io.cioconnect.domain.WebhookEvent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link WebhookSender} over {@code java.net.http}: one signed {@code POST} per attempt, a whole-attempt
 * deadline ({@link WebhookTarget#timeout()}, connecting and the capped read of the answer included), redirects
 * not followed. Only the receiver's status counts; its body is read up to {@link #BODY_CAP} bytes and ignored.
 */
public final class HttpWebhookSender implements WebhookSender {

    /** How much of a receiver's answer is read (and thrown away): enough for any acknowledgement. */
    static final int BODY_CAP = 4 * 1024;

    private final WebhookTarget target;
    private final Clock clock;
    private final HttpClient client;

    public HttpWebhookSender(WebhookTarget target, Clock clock) {
        this.target = target;
        this.clock = clock;
        // HTTP/1.1: one connection per attempt in flight, so a stuck request holds up no other (no h2c upgrade).
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(target.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Attempt send(WebhookEvent event) {
        String id = event.id().toString();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(target.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "cio-connect-webhooks")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(target.secrets(), id, timestamp, event.body()))
                .POST(HttpRequest.BodyPublishers.ofString(event.body()))
                .build();
        CompletableFuture<HttpResponse<Void>> response =
                client.sendAsync(request, answer -> new CappedDiscard(BODY_CAP));
        try {
            HttpResponse<Void> answered = response.get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
            int status = answered.statusCode();
            return status / 100 == 2 ? Attempt.delivered(status) : Attempt.failed("HTTP " + status);
        } catch (TimeoutException e) {
            response.cancel(true);
            return noAnswer();
        } catch (ExecutionException e) {
            // The client's own request timeout may fire first: the same deadline, so the same words.
            if (e.getCause() instanceof HttpTimeoutException) {
                return noAnswer();
            }
            return Attempt.failed(e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return Attempt.failed("interrupted");
        }
    }

    private Attempt noAnswer() {
        return Attempt.failed("no answer within " + target.timeout().toSeconds() + " s");
    }
}
