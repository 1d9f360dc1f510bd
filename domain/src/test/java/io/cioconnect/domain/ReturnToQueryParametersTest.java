package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.ALLOWED_ORIGINS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the callback reports a result to {@code return_to} (docs/api.md). */
class ReturnToQueryParametersTest {

    private static Map<String, String> connected() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("connection_id", "7f0c9a52-2b1e-4c8e-9d7a-0c1b2a3d4e5f");
        parameters.put("status", "connected");
        return parameters;
    }

    private static String appended(String raw, Map<String, String> parameters) {
        return ReturnTo.parse(raw, ALLOWED_ORIGINS).withQueryParameters(parameters).toString();
    }

    @Test
    void startsAQueryWithAQuestionMark() {
        assertThat(appended("https://app.example.com/settings", connected())).isEqualTo(
                "https://app.example.com/settings?connection_id=7f0c9a52-2b1e-4c8e-9d7a-0c1b2a3d4e5f&status=connected");
    }

    @Test
    void extendsAnExistingQueryWithAnAmpersand() {
        assertThat(appended("https://app.example.com/settings?tab=crm", Map.of("status", "connected")))
                .isEqualTo("https://app.example.com/settings?tab=crm&status=connected");
    }

    @Test
    void keepsTheFragmentAfterTheQuery() {
        assertThat(appended("https://app.example.com/settings?tab=crm#section", Map.of("status", "connected")))
                .isEqualTo("https://app.example.com/settings?tab=crm&status=connected#section");
        assertThat(appended("https://app.example.com/settings#section", Map.of("status", "error")))
                .isEqualTo("https://app.example.com/settings?status=error#section");
    }

    @Test
    void urlEncodesNamesAndValues() {
        assertThat(appended("https://app.example.com/settings", Map.of("error", "a b&c=d#e/\u00e9")))
                .isEqualTo("https://app.example.com/settings?error=a+b%26c%3Dd%23e%2F%C3%A9");
        assertThat(appended("https://app.example.com/settings", Map.of("we&ird", "x")))
                .isEqualTo("https://app.example.com/settings?we%26ird=x");
    }

    @Test
    void keepsTheAuthorityAndAlreadyEncodedPathAsTheyWere() {
        assertThat(appended("http://localhost:3000/a%20b", Map.of("status", "connected")))
                .isEqualTo("http://localhost:3000/a%20b?status=connected");
        assertThat(appended("https://app.example.com", Map.of("status", "connected")))
                .isEqualTo("https://app.example.com?status=connected");
    }

    @Test
    void aConnectedFlowReturnsItsIdAndStatusThenTheClientStateVerbatim() {
        ReturnTo returnTo = ReturnTo.parse("https://app.example.com/settings?tab=crm", ALLOWED_ORIGINS);
        ConnectionId id = new ConnectionId(java.util.UUID.fromString("7f0c9a52-2b1e-4c8e-9d7a-0c1b2a3d4e5f"));

        assertThat(returnTo.connected(id, null).toString()).isEqualTo("https://app.example.com/settings?tab=crm"
                + "&connection_id=7f0c9a52-2b1e-4c8e-9d7a-0c1b2a3d4e5f&status=connected");
        java.net.URI withState = returnTo.connected(id, new ClientState("a b&c=d#e"));
        assertThat(withState.toString()).endsWith("&status=connected&client_state=a+b%26c%3Dd%23e");
        assertThat(java.net.URLDecoder.decode(withState.getRawQuery().replaceAll(".*client_state=", ""),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("a b&c=d#e");
    }

    @Test
    void aFailedFlowReturnsItsErrorThenTheClientState() {
        ReturnTo returnTo = ReturnTo.parse("https://app.example.com/settings#top", ALLOWED_ORIGINS);

        assertThat(returnTo.failed(FlowError.ACCESS_DENIED, null).toString())
                .isEqualTo("https://app.example.com/settings?status=error&error=access_denied#top");
        assertThat(returnTo.failed(FlowError.TOKEN_EXCHANGE_FAILED, new ClientState("s-1")).toString())
                .isEqualTo("https://app.example.com/settings?status=error&error=token_exchange_failed&client_state=s-1#top");
    }

    @Test
    void leavesTheOriginalUntouched() {
        ReturnTo returnTo = ReturnTo.parse("https://app.example.com/settings?tab=crm", ALLOWED_ORIGINS);
        returnTo.withQueryParameters(Map.of("status", "connected"));

        assertThat(returnTo.toString()).isEqualTo("https://app.example.com/settings?tab=crm");
    }

    @Test
    void leavesTheUrlAloneWhenThereAreNoParameters() {
        ReturnTo returnTo = ReturnTo.parse("https://app.example.com/settings", ALLOWED_ORIGINS);
        assertThat(returnTo.withQueryParameters(Map.of()).toString()).isEqualTo("https://app.example.com/settings");
    }
}
