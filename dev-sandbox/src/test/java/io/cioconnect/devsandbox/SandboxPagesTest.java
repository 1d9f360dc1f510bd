package io.cioconnect.devsandbox;

import static io.cioconnect.devsandbox.SandboxDriver.authorizationRequest;
import static io.cioconnect.devsandbox.SandboxDriver.challengeOf;
import static io.cioconnect.devsandbox.SandboxDriver.newVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's consent page: its own CSP, no inline code, every reflected value escaped. */
class SandboxPagesTest {

    @Test
    void consentPageCarriesItsOwnPolicyAndNoInlineCode() {
        try (SandboxDriver sandbox = new SandboxDriver()) {
            HttpResponse<String> page = sandbox.authorize(authorizationRequest(challengeOf(newVerifier())));

            PageAssertions.assertHtml(page);
            assertThat(PageAssertions.contentSecurityPolicy(page)).isEqualTo("default-src 'none'; style-src 'self'; "
                    + "form-action 'self' http://localhost:8080; base-uri 'none'; frame-ancestors 'none'");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            PageAssertions.assertNoInlineCode(page.body());
            assertThat(page.body()).contains("<form method=\"post\" action=\"/sandbox/authorize\"")
                    .contains("id=\"allow\"").contains("id=\"deny\"").contains("href=\"/sandbox/sandbox.css\"");
        }
    }

    @Test
    void escapesTheClientScopesAndNeverShowsTheState() {
        String clientId = "<b>client\"&'";
        String scope = "<script>alert(1)</script>";
        String state = "\"><script>alert(2)</script>";
        try (SandboxDriver sandbox = new SandboxDriver(new MovableClock(), clientId, "full_access " + scope)) {
            Map<String, String> query = authorizationRequest(challengeOf(newVerifier()));
            query.put("client_id", clientId);
            query.put("scope", scope);
            query.put("state", state);

            HttpResponse<String> page = sandbox.authorize(query);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("&lt;b&gt;client&quot;&amp;&#39;")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script", "<b>", "alert(2)");
            PageAssertions.assertNoInlineCode(page.body());
            Map<String, String> callback = SandboxDriver.redirectParameters(
                    sandbox.decide(SandboxDriver.requestId(page.body()), "allow"));
            assertThat(callback).as("the state travels back unchanged").containsEntry("state", state);
        }
    }

    @Test
    void errorPageForbidsFormsAndEscapesItsMessage() {
        try (SandboxDriver sandbox = new SandboxDriver()) {
            Map<String, String> query = authorizationRequest(challengeOf(newVerifier()));
            query.put("client_id", "<img src=x>");

            HttpResponse<String> page = sandbox.authorize(query);

            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(PageAssertions.contentSecurityPolicy(page)).contains("form-action 'none'").contains("frame-ancestors 'none'");
            assertThat(page.body()).doesNotContain("<img");
            PageAssertions.assertNoInlineCode(page.body());
        }
    }

    @Test
    void servesItsStylesheetAsCss() {
        try (SandboxDriver sandbox = new SandboxDriver()) {
            HttpResponse<String> css = sandbox.server.get("/sandbox/sandbox.css");

            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
            assertThat(css.body()).contains(".card");
        }
    }
}
