package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DomainExceptionTest {

    @Test
    void carriesItsCodeAndMessage() {
        DomainException e = new DomainException(ErrorCode.NOT_FOUND, "no connection with this id");

        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("no connection with this id");
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void carriesARetryAfterForTemporaryErrors() {
        DomainException e = new DomainException(ErrorCode.PROVIDER_UNAVAILABLE, "try later", Duration.ofSeconds(30));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void hasNoCauseAndNoStackTraceToLeak() {
        DomainException e = new DomainException(ErrorCode.INTERNAL_ERROR, "boom");

        assertThat(e.getCause()).isNull();
        assertThat(e.getStackTrace()).isEmpty();
    }

    @Test
    void requiresACode() {
        assertThatThrownBy(() -> new DomainException(null, "x")).isInstanceOf(NullPointerException.class);
    }
}
