package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The wire names host applications and return_to pages are written against: they must never change. */
class ErrorCodeTest {

    @Test
    void errorCodesUseTheWireNamesOfTheSpec() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).containsExactly(
                "unauthorized", "not_found", "validation_failed", "reauthorization_required",
                "provider_unavailable", "rate_limited", "service_unavailable", "internal_error");
    }

    @Test
    void flowErrorsUseTheWireNamesOfTheSpec() {
        assertThat(Arrays.stream(FlowError.values()).map(FlowError::code)).containsExactly(
                "access_denied", "provider_error", "token_exchange_failed", "server_error");
    }
}
