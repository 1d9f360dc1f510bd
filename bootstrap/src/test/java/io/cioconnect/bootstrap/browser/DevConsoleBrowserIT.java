package io.cioconnect.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.e2e.RunningService;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 * A real Chromium clicking through the dev console, the sandbox's consent page and back, as a newcomer
 * would. Screenshots of every page land in {@code target/browser-screenshots}.
 */
class DevConsoleBrowserIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private RunningService service;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        service = RunningService.start(Mode.DEV, POSTGRES.database(), Map.of());
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
    }

    @Test
    void connectsGetsATokenAndDisconnectsFromTheConsole() throws Exception {
        browser.get(service.baseUrl + "/");
        screenshot("1-console");
        browser.findElement(By.id("api-key")).sendKeys(service.apiKey);
        browser.findElement(By.id("owner")).clear();
        browser.findElement(By.id("owner")).sendKeys("alice@example.com");
        // The console offers what GET /api/v1/providers lists, once it has the key.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#provider option[value='sandbox']")));
        new Select(browser.findElement(By.id("provider"))).selectByValue("sandbox");
        assertThat(browser.findElements(By.cssSelector("#provider option[value='customerio']")))
                .as("customerio has no credentials here, so it is not enabled").isEmpty();
        browser.findElement(By.id("connect")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("allow")));
        assertThat(browser.getCurrentUrl()).contains("/sandbox/authorize");
        screenshot("2-sandbox-consent");
        browser.findElement(By.id("allow")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Connected"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-action='get-token']")));
        assertThat(browser.findElement(By.id("connections")).getText()).contains("sandbox", "active");
        screenshot("3-connected");

        browser.findElement(By.cssSelector("button[data-action='get-token']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connections"), "Bearer"));
        screenshot("4-token");

        browser.findElement(By.cssSelector("button[data-action='disconnect']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Disconnected"));
        screenshot("5-disconnected");
        assertThat(browser.findElements(By.cssSelector("button[data-action='get-token']"))).isEmpty();

        // dev's own receiver got both of alice's changes, signed; the console lists them (it looks every few
        // seconds). Other tests share this instance, so only rows naming alice count.
        wait.until(driver -> webhookRowsOf("alice@example.com").size() == 2);
        assertThat(webhookRowsOf("alice@example.com"))
                .anySatisfy(row -> assertThat(row).contains("connection.created", "verified"))
                .anySatisfy(row -> assertThat(row).contains("connection.deleted", "verified"));
        screenshot("5b-webhooks-received");
    }

    /** The lines of the console's webhook list that name {@code owner}. */
    private List<String> webhookRowsOf(String owner) {
        return browser.findElement(By.id("webhooks")).getText().lines().filter(line -> line.contains(owner))
                .toList();
    }

    /** The MCP walk: the sandbox's MCP server, found by discovery, the service's metadata document as client. */
    @Test
    void connectsAnMcpAccountAndShowsWhichClientIdentityWasUsed() throws Exception {
        browser.get(service.baseUrl + "/");
        browser.findElement(By.id("api-key")).sendKeys(service.apiKey);
        browser.findElement(By.id("owner")).clear();
        browser.findElement(By.id("owner")).sendKeys("mcp-user@example.com");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#provider option[value='customerio-mcp']")));
        new Select(browser.findElement(By.id("provider"))).selectByValue("customerio-mcp");
        browser.findElement(By.id("connect")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("allow")));
        assertThat(browser.findElement(By.id("client-identity")).getText()).contains("client ID metadata document");
        screenshot("7-mcp-consent");
        browser.findElement(By.id("allow")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Connected"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-action='get-token']")));
        browser.findElement(By.cssSelector("button[data-action='get-token']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-role='mcp']"),
                "client identity: client ID metadata document"));
        screenshot("8-mcp-token-and-identity");
        assertThat(browser.findElement(By.cssSelector("[data-role='mcp']")).getText())
                .contains("cio-connect-sandbox", service.baseUrl + "/oauth/customerio-mcp/client-metadata.json");
    }

    @Test
    void refusesAConnectLinkSomeoneElseForwardedAndDeletesItsConnection() throws Exception {
        // Mallory, a user of the host application, starts a connection and sends the link to the victim.
        URI forwarded = service.api.createConnectUrl("mallory", "sandbox", service.baseUrl + "/", "mallorys-tab");
        browser.get(service.baseUrl + "/");
        browser.findElement(By.id("api-key")).sendKeys(service.apiKey);

        browser.get(forwarded.toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("allow"))).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Refused"));
        screenshot("6-forwarded-link-refused");
        assertThat(browser.findElement(By.id("banner")).getText()).contains("client_state does not match");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                service.api.call("GET", "/api/v1/connections?owner=mallory", null).json().get("connections")).isEmpty());
    }

    @Test
    void theConsoleChecksTheClientStateAndOwnerOfItsOwnConnection() throws Exception {
        browser.get(service.baseUrl + "/");
        browser.findElement(By.id("api-key")).sendKeys(service.apiKey);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#provider option[value='sandbox']")));
        new Select(browser.findElement(By.id("provider"))).selectByValue("sandbox");
        browser.findElement(By.id("connect")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("allow"))).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "client_state and owner checked"));
        assertThat(service.api.call("GET", "/api/v1/connections?owner=demo-user", null).json().get("connections"))
                .hasSize(1);
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
