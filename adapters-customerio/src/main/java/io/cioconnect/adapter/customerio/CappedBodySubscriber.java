package io.cioconnect.adapter.customerio;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap, then cancels the subscription: a provider (or whatever stands
 * in its place) answering megabytes costs us {@code cap} bytes and no more.
 */
final class CappedBodySubscriber implements BodySubscriber<CappedBodySubscriber.Body> {

    /** The bytes read, and whether the body went on beyond them. */
    record Body(byte[] bytes, boolean truncated) {
    }

    private final int cap;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBodySubscriber(int cap) {
        this.cap = cap;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int room = cap - buffer.size();
            if (item.remaining() > room) {
                byte[] part = new byte[room];
                item.get(part);
                buffer.write(part, 0, room);
                subscription.cancel();
                result.complete(new Body(buffer.toByteArray(), true));
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(buffer.toByteArray(), false));
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }
}
