package io.cioconnect.adapter.customerio;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends one request to a provider: connect timeout, a deadline covering headers and body, redirects never
 * followed, the body read up to a cap. Transport trouble becomes an {@code UNAVAILABLE} failure whose
 * detail names the kind of trouble only (exception messages may quote URLs or peers), and which says
 * whether the request may have reached the provider: only a connection that never opened is sure not to.
 */
final class ProviderHttp {

    /** The answer, or why there is none. Exactly one of the two is set. */
    record Outcome(ProviderResponse response, ProviderFailure failure) {
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxResponseBytes;

    ProviderHttp(CallPolicy policy) {
        // HTTP/1.1: token endpoints are called rarely, and 1.1 avoids the h2c upgrade dance on plain http.
        this.client = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = policy.requestTimeout();
        this.maxResponseBytes = policy.maxResponseBytes();
    }

    /** A request builder carrying the per-request timeout. */
    HttpRequest.Builder request() {
        return HttpRequest.newBuilder().timeout(requestTimeout);
    }

    Outcome send(HttpRequest request) {
        CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> pending =
                client.sendAsync(request, info -> new CappedBodySubscriber(maxResponseBytes));
        try {
            HttpResponse<CappedBodySubscriber.Body> response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(new ProviderResponse(response.statusCode(), response.headers(),
                    response.body().bytes(), response.body().truncated()), null);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return unanswered("no complete answer within " + requestTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return unanswered("interrupted while waiting for the provider");
        } catch (ExecutionException e) {
            return failed(e.getCause());
        }
    }

    private static Outcome unanswered(String detail) {
        return new Outcome(null, ProviderFailure.unanswered(detail));
    }

    private Outcome failed(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return notSent("could not connect within the connect timeout");
        }
        if (cause instanceof HttpTimeoutException) {
            return unanswered("no answer within " + requestTimeout.toMillis() + " ms");
        }
        if (cause instanceof ConnectException) {
            return notSent("connection refused or unreachable");
        }
        if (cause instanceof SSLHandshakeException) {
            return notSent("TLS handshake failed");
        }
        if (cause instanceof SSLException) {
            return unanswered("TLS session failed");
        }
        if (cause instanceof IOException) {
            return unanswered("connection failed (" + cause.getClass().getSimpleName() + ")");
        }
        return unanswered("request failed (" + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ")");
    }

    /** The connection never opened: the provider cannot have seen the request. */
    private static Outcome notSent(String detail) {
        return new Outcome(null, ProviderFailure.of(Kind.UNAVAILABLE, detail));
    }
}
