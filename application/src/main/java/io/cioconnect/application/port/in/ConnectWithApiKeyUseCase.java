package io.cioconnect.application.port.in;

import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.FlowError;
import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.util.Objects;

/**
 * Use case: the end user submits the App API key form. The form is identified by its token and the
 * browser's cookie, the key checked with the region's API, and on success stored as the connection's
 * credential. A key that fails the check is never stored, and the form can be tried again until it expires.
 */
public interface ConnectWithApiKeyUseCase {

    SubmissionOutcome submit(Command command);

    /**
     * The form as received; every field but {@code provider} may be {@code null} when absent.
     *
     * @param cancel true when the end user chose not to connect
     */
    record Command(ProviderId provider, String csrfToken, BrowserBinding browserBinding, String apiKey,
            String region, boolean cancel) {
        public Command {
            Objects.requireNonNull(provider, "provider");
        }

        @Override
        public String toString() {
            return "Command[provider=" + provider + ", region=" + region + ", cancel=" + cancel + ", redacted]";
        }
    }

    /** Where the browser goes next. */
    sealed interface SubmissionOutcome {
    }

    /** The key works and is stored; redirect to {@code redirectTo} ({@code return_to} with id and status). */
    record Connected(ConnectionId connectionId, URI redirectTo) implements SubmissionOutcome {
    }

    /** The flow ended without a connection (cancelled, or failed on our side); redirect to {@code redirectTo}. */
    record Failed(FlowError error, URI redirectTo) implements SubmissionOutcome {
    }

    /** Show the form again, with a fresh token, saying what went wrong; nothing was stored. */
    record TryAgain(ApiKeyForm form, Problem problem) implements SubmissionOutcome {
    }

    /**
     * The submission belongs to no form we can trust (missing, unknown, expired or used token; missing or
     * wrong cookie): answer an error page, check nothing.
     */
    record Unidentified(String reason) implements SubmissionOutcome {
    }

    /** Why the form is shown again. */
    enum Problem {
        /** No region, or one we do not know. */
        REGION_MISSING,
        /** Blank, too long, or not something that can be a key; not sent anywhere. */
        KEY_MALFORMED,
        /** The region's API answered 401 or 403. */
        KEY_REFUSED,
        /** The region's API could not be asked (timeout, 5xx, 429): try again. */
        PROVIDER_UNREACHABLE
    }
}
