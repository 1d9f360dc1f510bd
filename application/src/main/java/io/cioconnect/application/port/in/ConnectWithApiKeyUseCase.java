package io.cioconnect.application.port.in;

import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ProviderId;
import java.util.Objects;
import java.util.function.Consumer;

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

    /** Where the browser goes next: the flow ended (connected, cancelled or failed, or unidentified), or the form again. */
    sealed interface SubmissionOutcome {

        /** Hands this outcome to the one handler of its kind; every kind must be handled. */
        void match(Consumer<FlowEnd> ended, Consumer<TryAgain> tryAgain);
    }

    /** The flow is over, as an OAuth callback's would be; an unidentified submission was checked for nothing. */
    record Ended(FlowEnd end) implements SubmissionOutcome {
        public Ended {
            Objects.requireNonNull(end, "end");
        }

        @Override
        public void match(Consumer<FlowEnd> ended, Consumer<TryAgain> tryAgain) {
            ended.accept(end);
        }
    }

    /** Show the form again, with a fresh token, saying what went wrong; nothing was stored. */
    record TryAgain(ApiKeyForm form, Problem problem) implements SubmissionOutcome {
        public TryAgain {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public void match(Consumer<FlowEnd> ended, Consumer<TryAgain> tryAgain) {
            tryAgain.accept(this);
        }
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
