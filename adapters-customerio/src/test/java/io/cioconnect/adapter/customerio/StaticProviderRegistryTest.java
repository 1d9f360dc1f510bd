package io.cioconnect.adapter.customerio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry of enabled providers. */
class StaticProviderRegistryTest {

    private static HttpOAuthProvider provider(String id) {
        return new HttpOAuthProvider(new ProviderSettings(new ProviderId(id), "c", new ClientSecret("s"),
                URI.create("https://" + id + ".example/authorize"), URI.create("https://" + id + ".example/token"),
                null, "https://" + id + ".example", Scopes.parse("a b"), TokenRequestFormat.FORM,
                ClientAuthMethod.CLIENT_SECRET_BASIC, CallPolicy.defaults(), true), new SimpleMeterRegistry());
    }

    @Test
    void findsProvidersByIdAndListsThemInConfigurationOrder() {
        HttpOAuthProvider zeta = provider("zeta");
        HttpOAuthProvider alpha = provider("alpha");
        StaticProviderRegistry registry = new StaticProviderRegistry(List.of(zeta, alpha));

        assertThat(registry.find(new ProviderId("alpha"))).containsSame(alpha);
        assertThat(registry.find(new ProviderId("other"))).isEmpty();
        assertThat(registry.descriptors()).extracting(ProviderDescriptor::id)
                .containsExactly(new ProviderId("zeta"), new ProviderId("alpha"));
        assertThat(registry.descriptors().get(0).allowedScopes()).isEqualTo(Scopes.parse("a b"));
        assertThat(registry.descriptors().get(0).issuer()).isEqualTo(new ExpectedIssuer("https://zeta.example", true));
    }

    @Test
    void listsKeyProvidersAfterTheOAuthOnesWithoutAnOAuthClient() {
        ProviderDescriptor keys = new ProviderDescriptor(new ProviderId("customerio-app-api"), Scopes.none(), null, false);
        StaticProviderRegistry registry = new StaticProviderRegistry(List.of(provider("zeta")), List.of(keys));

        assertThat(registry.descriptors()).extracting(ProviderDescriptor::id)
                .containsExactly(new ProviderId("zeta"), keys.id());
        assertThat(registry.descriptor(keys.id())).contains(keys);
        assertThat(registry.find(keys.id())).isEmpty();
    }

    @Test
    void refusesAKeyProviderNamedLikeAnOAuthProvider() {
        ProviderDescriptor clash = new ProviderDescriptor(new ProviderId("zeta"), Scopes.none(), null, false);

        assertThatThrownBy(() -> new StaticProviderRegistry(List.of(provider("zeta")), List.of(clash)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTheSameProviderTwice() {
        assertThatThrownBy(() -> new StaticProviderRegistry(List.of(provider("a"), provider("a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
