package io.cioconnect.devsandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dev console page and its two assets, as a browser receives them. */
class DevConsoleTest {

    private final DevServer server = new DevServer(new DevConsole());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesThePageWithItsOwnPolicy() {
        HttpResponse<String> page = server.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        PageAssertions.assertHtml(page);
        assertThat(PageAssertions.contentSecurityPolicy(page)).isEqualTo("default-src 'none'; script-src 'self'; "
                + "style-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    }

    @Test
    void pageHasNoInlineCodeAndLoadsItsOwnAssets() {
        String html = server.get("/").body();

        PageAssertions.assertNoInlineCode(html);
        assertThat(html).contains("<script src=\"/dev/console.js\" defer></script>")
                .contains("<link rel=\"stylesheet\" href=\"/dev/console.css\">");
    }

    @Test
    void pageHasTheStableIdsABrowserTestClicks() {
        String html = server.get("/").body();

        assertThat(html).contains("id=\"api-key\"", "id=\"owner\"", "id=\"provider\"", "id=\"connect\"",
                "id=\"connections\"", "id=\"banner\"", "data-action=\"connect\"");
    }

    /** Providers come from GET /api/v1/providers, so one that is not enabled is never offered. */
    @Test
    void pageOffersNoProviderOfItsOwn() {
        String html = server.get("/").body();
        String script = server.get("/dev/console.js").body();

        assertThat(html).doesNotContain("<option value=\"sandbox\"", "<option value=\"customerio\"",
                "<option value=\"customerio-app-api\"");
        assertThat(script).contains("'/api/v1/providers'", "data.providers", "display_name");
    }

    @Test
    void servesTheScriptAsJavaScript() {
        HttpResponse<String> script = server.get("/dev/console.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("/api/v1/connect-sessions", "/api/v1/connections?owner=", "sessionStorage",
                "data-action", "addEventListener");
    }

    /** For an MCP connection the console makes the initialize call an AI product makes, on its own origin only. */
    @Test
    void scriptCallsAnMcpServerOnlyOnItsOwnOriginAndShowsTheClientIdentity() {
        String script = server.get("/dev/console.js").body();

        assertThat(script).contains("connection.resource", "method: 'initialize'", "'io.cioconnect/client'",
                "client identity: ", ".origin !== location.origin");
    }

    @Test
    void scriptNeverWritesMarkupFromData() {
        String script = server.get("/dev/console.js").body();

        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function", "localStorage");
    }

    @Test
    void servesTheStylesheetAsCss() {
        HttpResponse<String> css = server.get("/dev/console.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.body()).contains(".banner");
    }
}
