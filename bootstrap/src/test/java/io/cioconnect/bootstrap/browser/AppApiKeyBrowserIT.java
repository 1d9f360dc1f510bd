package io.cioconnect.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.e2e.RunningService;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium through the App API key form in {@code dev}, keys checked by the sandbox's fake App API:
 * from the console (same origin), and to a host application on another origin, which the form's
 * {@code form-action} must allow for the redirect after the post to land there.
 */
class AppApiKeyBrowserIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private HttpServer hostApp;
    private RunningService service;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        hostApp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostApp.createContext("/", exchange -> {
            byte[] page = "<!DOCTYPE html><title>Host app</title><h1 id=\"back\">Back at the host app</h1>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        hostApp.start();
        int port = RunningService.freePort();
        service = RunningService.start(Mode.DEV, POSTGRES.database(), Map.of(
                "PORT", Integer.toString(port),
                "PUBLIC_BASE_URL", "http://localhost:" + port,
                "RETURN_TO_ALLOWED_ORIGINS", "http://localhost:" + port + "," + hostAppOrigin()));
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (hostApp != null) {
            hostApp.stop(0);
        }
    }

    private String hostAppOrigin() {
        return "http://127.0.0.1:" + hostApp.getAddress().getPort();
    }

    @Test
    void connectsAKeyFromTheConsoleAfterARefusedOne() throws Exception {
        browser.get(service.baseUrl + "/");
        browser.findElement(By.id("api-key")).sendKeys(service.apiKey);
        // The console offers what GET /api/v1/providers lists, once it has the key.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#provider option[value='customerio-app-api']")));
        new Select(browser.findElement(By.id("provider"))).selectByValue("customerio-app-api");
        browser.findElement(By.id("connect")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("api_key")));
        screenshot("key-1-form");
        browser.findElement(By.id("api_key")).sendKeys("not-a-sandbox-key");
        browser.findElement(By.cssSelector("button[value='connect']")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.problem")));
        assertThat(browser.findElement(By.cssSelector("p.problem")).getText()).contains("did not accept this key");
        assertThat(browser.getPageSource()).doesNotContain("not-a-sandbox-key");
        screenshot("key-2-refused");
        browser.findElement(By.id("api_key")).sendKeys("sandbox-key-from-the-browser");
        browser.findElement(By.cssSelector("input[name='region'][value='eu']")).click();
        browser.findElement(By.cssSelector("button[value='connect']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Connected"));
        // The list loads after the page: wait for it, as the console test does.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-action='get-token']")));
        assertThat(browser.findElement(By.id("connections")).getText()).contains("customerio-app-api", "active");
        screenshot("key-3-connected");
    }

    @Test
    void landsOnAHostApplicationOfAnotherOriginAfterTheSubmit() throws Exception {
        URI connectUrl = createConnectUrl(hostAppOrigin() + "/settings");
        browser.get(connectUrl.toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("api_key")));
        browser.findElement(By.id("api_key")).sendKeys("sandbox-key-for-another-origin");
        browser.findElement(By.cssSelector("button[value='connect']")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("back")));
        assertThat(browser.getCurrentUrl()).startsWith(hostAppOrigin() + "/settings?connection_id=")
                .endsWith("&status=connected");
        screenshot("key-4-host-app");
    }

    private URI createConnectUrl(String returnTo) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                service.baseUrl.resolve("/api/v1/connect-sessions"))
                .header("Authorization", "Bearer " + service.apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"owner\":\"bo\",\"provider\":\"customerio-app-api\","
                        + "\"return_to\":\"" + returnTo + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return URI.create(created.body().replaceAll(".*\"connect_url\":\"([^\"]+)\".*", "$1"));
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
