package io.cioconnect.application.port.in;

import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.FormToken;
import java.util.Objects;

/**
 * What the App API key form needs to be shown: its single-use anti-forgery token (bound to the browser's
 * cookie), the origin of {@code return_to} (where a successful submit lands, so the page must allow it as
 * a form target) and the region to preselect.
 */
public record ApiKeyForm(FormToken csrfToken, String returnToOrigin, AppApiRegion region) {

    public ApiKeyForm {
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(returnToOrigin, "returnToOrigin");
        Objects.requireNonNull(region, "region");
    }
}
