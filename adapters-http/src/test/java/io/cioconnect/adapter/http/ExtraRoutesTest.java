package io.cioconnect.adapter.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.TestCore;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Other parts of the service can add routes that win over the generic ones and get the same hardening. */
class ExtraRoutesTest {

    @Test
    void anExtraProviderStartPageWinsOverTheGenericStartAndIsHardened() throws Exception {
        TestCore core = TestCore.create();
        Javalin app = HttpApi.create(TestServer.useCasesOf(core), TestServer.settings(core, 0, 0, Set.of()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> get("/oauth/another-provider/start", ctx -> ctx.html("<p>form</p>")));
        try {
            app.start("127.0.0.1", 0);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/oauth/another-provider/start?ticket=t")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("<p>form</p>");
            SecurityHeadersTest.assertHardened(response);
        } finally {
            app.stop();
        }
    }
}
