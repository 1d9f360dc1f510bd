package io.cioconnect.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Samples the service's resident memory every few hundred milliseconds while a phase runs, keeping the highest. */
final class RssSampler implements AutoCloseable {

    private static final long INTERVAL_MS = 200;

    private final AtomicLong highestKib = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler(ServiceProcess service) {
        this.thread = new Thread(() -> {
            while (running) {
                highestKib.accumulateAndGet(service.residentKib()[0], Math::max);
                try {
                    Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    long highestKib() {
        return highestKib.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
