package io.cioconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.port.in.Readiness;
import io.cioconnect.domain.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundJobsTest {

    private static final Duration FAST = Duration.ofMillis(20);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BackgroundJobs jobs = new BackgroundJobs(new Backoff(FAST, FAST, FAST));

    @AfterEach
    void stop() {
        jobs.close();
    }

    @Test
    void aJobThatDiesOfAnErrorIsDownThenRestartedAndUpAgain() {
        CountDownLatch mayRecover = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        jobs.every(FAST, "flaky", () -> {
            runs.incrementAndGet();
            if (mayRecover.getCount() > 0) {
                throw new StackOverflowError("as deep as it goes");
            }
            return 0;
        });

        Awaitility.await().atMost(WAIT).until(() -> runs.get() >= 3);
        assertThat(jobs.checks()).containsExactly(new Readiness.Check("flaky", false));

        mayRecover.countDown();
        Awaitility.await().atMost(WAIT).until(() -> jobs.checks().equals(List.of(new Readiness.Check("flaky", true))));
    }

    @Test
    void everyKindOfThrowableKillsOnlyTheRunNeverTheJob() {
        AtomicInteger runs = new AtomicInteger();
        IntSupplier dying = () -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                throw new IllegalStateException("a bug");
            }
            if (run == 2) {
                throw new OutOfMemoryError("as if");
            }
            throw sneaky(new Exception("checked, thrown where none is declared"));
        };
        jobs.every(FAST, "dying", dying);

        Awaitility.await().atMost(WAIT).until(() -> runs.get() >= 5);
        assertThat(jobs.checks()).extracting(Readiness.Check::up).containsExactly(false);
    }

    @Test
    void oneJobsDeathLeavesTheOthersUp() {
        jobs.every(FAST, "healthy", () -> 0);
        jobs.every(FAST, "broken", () -> {
            throw new AssertionError("broken for good");
        });

        Awaitility.await().atMost(WAIT).until(() -> !jobs.checks().get(1).up());
        assertThat(jobs.checks()).containsExactly(new Readiness.Check("healthy", true),
                new Readiness.Check("broken", false));
    }

    @Test
    void aJobIsUpBeforeItsFirstRun() {
        jobs.every(Duration.ofHours(1), "later", () -> 0);

        assertThat(jobs.checks()).containsExactly(new Readiness.Check("later", true));
    }

    @Test
    void refusesTwoJobsOfOneName() {
        jobs.every(Duration.ofHours(1), "twice", () -> 0);

        assertThatThrownBy(() -> jobs.every(Duration.ofHours(1), "twice", () -> 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void refusesAJobOnceStopped() {
        jobs.close();

        assertThatThrownBy(() -> jobs.every(FAST, "late", () -> 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("late");
        assertThat(jobs.checks()).isEmpty();
    }

    @Test
    void closeLetsTheRunningRunFinishUninterrupted() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger finishedUninterrupted = new AtomicInteger();
        jobs.every(FAST, Duration.ofHours(1), "slow", () -> {
            running.countDown();
            try {
                finish.await();
                finishedUninterrupted.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        });
        running.await();

        Thread closing = new Thread(jobs::close);
        closing.start();
        Awaitility.await().atMost(WAIT).until(() -> closing.getState() == Thread.State.TIMED_WAITING);
        finish.countDown();
        closing.join(WAIT.toMillis());

        assertThat(closing.isAlive()).isFalse();
        assertThat(finishedUninterrupted).hasValue(1);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
