package io.cioconnect.devsandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that a page would run under a CSP without 'unsafe-inline': no inline script, handler or style. */
final class PageAssertions {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ELEMENT = Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);

    private PageAssertions() {
    }

    static void assertNoInlineCode(String html) {
        Matcher scripts = SCRIPT.matcher(html);
        while (scripts.find()) {
            assertThat(scripts.group(1)).as("a script element loads a file").containsPattern("\\ssrc=\"/");
            assertThat(scripts.group(2)).as("a script element has no inline content").isBlank();
        }
        assertThat(EVENT_HANDLER.matcher(html).find()).as("no on*= attribute").isFalse();
        assertThat(STYLE_ATTRIBUTE.matcher(html).find()).as("no style= attribute").isFalse();
        assertThat(STYLE_ELEMENT.matcher(html).find()).as("no <style> element").isFalse();
        assertThat(JAVASCRIPT_URL.matcher(html).find()).as("no javascript: URL").isFalse();
    }

    static void assertHtml(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=utf-8"));
    }

    static String contentSecurityPolicy(HttpResponse<String> response) {
        assertThat(response.headers().allValues("Content-Security-Policy")).as("exactly one CSP header").hasSize(1);
        return response.headers().firstValue("Content-Security-Policy").orElseThrow();
    }
}
