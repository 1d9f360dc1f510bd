package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.ApiKeyForm;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase.Problem;
import io.cioconnect.domain.AppApiRegion;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * The App API key form: a password field, the region, and the anti-forgery token; no script, no inline
 * style, and never the key itself, not even after a failed attempt. Its own Content-Security-Policy lets
 * it load its stylesheet and post to us, and lets the redirect after the post land on {@code return_to}'s
 * origin (browsers apply {@code form-action} to that redirect too).
 */
final class ApiKeyFormPage {

    /** Only what {@code ReturnTo} can produce as an origin goes into the policy; anything else is left out. */
    private static final Pattern ORIGIN = Pattern.compile("https?://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?");

    private ApiKeyFormPage() {
    }

    static String contentSecurityPolicy(String returnToOrigin) {
        String landing = ORIGIN.matcher(returnToOrigin).matches() ? " " + returnToOrigin : "";
        return "default-src 'none'; style-src 'self'; form-action 'self'" + landing
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /** Answers {@code status} with the form; {@code problem} (maybe null) says why it is shown again. */
    static void render(Context ctx, int status, ApiKeyForm form, Problem problem) {
        ctx.header("Content-Security-Policy", contentSecurityPolicy(form.returnToOrigin()));
        ctx.status(status).contentType("text/html; charset=utf-8").result(html(form, problem));
    }

    static String html(ApiKeyForm form, Problem problem) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Connect Customer.io</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + ApiKeyFormRoutes.STYLESHEET_NAME + "\">\n"
                + "</head>\n<body>\n<main>\n<h1>Connect Customer.io</h1>\n"
                + "<p>Paste an App API key of your Customer.io workspace. Customer.io lists them under "
                + "Settings &rarr; Account Settings &rarr; API Credentials &rarr; App API Keys.</p>\n"
                + (problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + HtmlPage.escape(message(problem))
                        + "</p>\n")
                + "<form method=\"post\" action=\"" + ApiKeyFormRoutes.SUBMIT_NAME + "\" autocomplete=\"off\">\n"
                + "<input type=\"hidden\" name=\"csrf_token\" value=\"" + HtmlPage.escape(form.csrfToken().value())
                + "\">\n"
                + "<label for=\"api_key\">App API key</label>\n"
                + "<input id=\"api_key\" name=\"api_key\" type=\"password\" autocomplete=\"off\" autocapitalize=\"off\""
                + " spellcheck=\"false\" required maxlength=\"512\">\n"
                + "<fieldset>\n<legend>Region of your workspace</legend>\n"
                + region(AppApiRegion.US, "United States", form.region())
                + region(AppApiRegion.EU, "Europe (EU)", form.region())
                + "</fieldset>\n"
                + "<p class=\"note\">The key is checked with Customer.io once, then stored encrypted. "
                + "It is never shown again.</p>\n"
                + "<div class=\"actions\">\n"
                + "<button type=\"submit\" name=\"action\" value=\"connect\">Connect</button>\n"
                + "<button type=\"submit\" name=\"action\" value=\"cancel\" class=\"secondary\" formnovalidate>Cancel"
                + "</button>\n</div>\n</form>\n</main>\n</body>\n</html>\n";
    }

    static String message(Problem problem) {
        return switch (problem) {
            case KEY_REFUSED -> "Customer.io did not accept this key. Check that you copied the whole App API key "
                    + "and chose the region your workspace is in.";
            case PROVIDER_UNREACHABLE -> "Customer.io could not be reached to check the key. Please try again in a moment.";
            case KEY_MALFORMED -> "That does not look like an App API key: paste the whole key, without spaces.";
            case REGION_MISSING -> "Choose the region your Customer.io workspace is in.";
        };
    }

    private static String region(AppApiRegion region, String label, AppApiRegion selected) {
        return "<label><input type=\"radio\" name=\"region\" value=\"" + region.code() + "\""
                + (region == selected ? " checked" : "") + "> " + label + "</label>\n";
    }
}
