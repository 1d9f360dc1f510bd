package io.cioconnect.application.contract;

import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.domain.ConnectionId;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds a connection's refresh lock on another thread until released, as another instance would. */
public final class LockHolder {

    private final CountDownLatch acquired = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread thread;

    private LockHolder(ConnectionStore store, ConnectionId id) {
        thread = new Thread(() -> store.withRefreshLock(id, Duration.ofSeconds(10), locked -> {
            acquired.countDown();
            awaitQuietly(release);
            return null;
        }), "lock-holder");
    }

    /** Starts holding the lock and returns once it is held. */
    public static LockHolder hold(ConnectionStore store, ConnectionId id) throws InterruptedException {
        LockHolder holder = new LockHolder(store, id);
        holder.thread.start();
        if (!holder.acquired.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the lock holder never got the lock");
        }
        return holder;
    }

    public void release() throws InterruptedException {
        release.countDown();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
