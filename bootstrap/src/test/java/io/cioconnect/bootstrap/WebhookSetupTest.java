package io.cioconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** What of the webhook receiver's URL reaches the start-up log. */
class WebhookSetupTest {

    @Test
    void theLogShowsOnlyTheReceiversOriginNeverItsCredentialsPathOrQuery() {
        String shown = WebhookSetup.origin(URI.create("https://ops:pa55@hooks.example.com:8443/in/tok-123?sig=s3cr3t"));

        assertThat(shown).isEqualTo("https://hooks.example.com:8443");
    }

    @Test
    void aDefaultPortIsNotAdded() {
        assertThat(WebhookSetup.origin(URI.create("https://hooks.example.com/in/tok-123")))
                .isEqualTo("https://hooks.example.com");
    }
}
