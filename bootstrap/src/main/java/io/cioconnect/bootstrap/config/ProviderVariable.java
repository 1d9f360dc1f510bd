package io.cioconnect.bootstrap.config;

import io.cioconnect.adapter.customerio.CustomerIoPresets;
import io.cioconnect.domain.ProviderId;

/**
 * The variables every provider in {@code PROVIDERS} has, named {@code <ID>_<NAME>} ({@code <ID>}: the id in
 * upper case with {@code -} as {@code _}), declared once with their defaults for {@code customerio} and for
 * the other providers. {@link #of} names one provider's variable for the reader.
 */
public enum ProviderVariable {
    CLIENT_ID("OAuth client id", Default.described("required")),
    CLIENT_SECRET("OAuth client secret", Default.described("required")),
    AUTHORIZE_URL("authorization endpoint", Default.of(CustomerIoPresets.AUTHORIZE_URL.toString()),
            Default.described("discovered from <ID>_ISSUER, else required")),
    TOKEN_URL("token endpoint", Default.described("by CUSTOMERIO_REGION: https://api.customer.io/v1/oauth/token or"
            + " https://api-eu.customer.io/v1/oauth/token"), Default.described("discovered from <ID>_ISSUER, else required")),
    REVOCATION_URL("RFC 7009 revocation endpoint", Default.none(), Default.described("discovered from <ID>_ISSUER")),
    ISSUER("RFC 8414 issuer; turns on discovery of the endpoints not set", Default.none()),
    REQUIRE_ISS("true: callbacks must carry iss equal to the issuer (RFC 9207)", Default.of("false")),
    SCOPES("space-separated scopes requested, and the set a connect session may ask for",
            Default.of(CustomerIoPresets.SCOPES), Default.none()),
    TOKEN_REQUEST_FORMAT("json, or form (application/x-www-form-urlencoded)", Default.of("json"), Default.of("form")),
    CLIENT_AUTH("client_secret_post or client_secret_basic", Default.of("client_secret_post"),
            Default.of("client_secret_basic")),
    CONNECT_TIMEOUT("time allowed to open a connection to the provider (at most 2m)", Default.of("5s")),
    REQUEST_TIMEOUT("time allowed for one whole request to the provider (at most 2m)", Default.of("10s")),
    RATE_LIMIT("requests per second sent to the provider (0: no limit)", Default.of("10"));

    private final String meaning;
    private final Default forCustomerIo;
    private final Default forOthers;

    ProviderVariable(String meaning, Default both) {
        this(meaning, both, both);
    }

    ProviderVariable(String meaning, Default forCustomerIo, Default forOthers) {
        this.meaning = meaning;
        this.forCustomerIo = forCustomerIo;
        this.forOthers = forOthers;
    }

    /** This variable of provider {@code id}, such as {@code CUSTOMERIO_CLIENT_ID}. */
    public Setting of(ProviderId id) {
        return new Named(id.environmentPrefix() + "_" + name(),
                CustomerIoPresets.appliesTo(id) ? forCustomerIo : forOthers);
    }

    /** The template name {@code --help} shows, such as {@code <ID>_CLIENT_ID}. */
    public String template() {
        return "<ID>_" + name();
    }

    public String meaning() {
        return meaning;
    }

    /** How {@code --help} shows the defaults: one, or Customer.io's and the others'. */
    public String describeDefault() {
        String customerIo = forCustomerIo.describe(Mode.SERVE);
        String others = forOthers.describe(Mode.SERVE);
        return customerIo.equals(others) ? customerIo : "customerio: " + customerIo + "; others: " + others;
    }

    /** One provider's variable: read by the servers only. */
    private record Named(String name, Default byDefault) implements Setting {
        @Override
        public Scope scope() {
            return Scope.SERVERS;
        }
    }
}
