package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AppApiRegionTest {

    @Test
    void parsesUsAndEuCaseInsensitively() {
        assertThat(AppApiRegion.parse("us")).contains(AppApiRegion.US);
        assertThat(AppApiRegion.parse("EU")).contains(AppApiRegion.EU);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ap", " us", "us-east", "region:us"})
    void knowsNoOtherRegion(String value) {
        assertThat(AppApiRegion.parse(value)).isEmpty();
    }
}
