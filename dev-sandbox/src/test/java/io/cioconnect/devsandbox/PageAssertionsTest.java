package io.cioconnect.devsandbox;

import static io.cioconnect.devsandbox.PageAssertions.assertNoInlineCode;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page checks themselves must catch what they claim to, or the page tests prove nothing. */
class PageAssertionsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<script src=\"/dev/console.js\">alert(1)</script>",
        "<button onclick=\"go()\">x</button>",
        "<p\nstyle=\"color:red\">x</p>",
        "<style>p{}</style>",
        "<a href=\"javascript:go()\">x</a>"})
    void catchesInlineCode(String html) {
        assertThatThrownBy(() -> assertNoInlineCode(html)).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script src=\"/dev/console.js\" defer></script>",
        "<p>one onion = two</p><button data-action=\"connect\">Connect</button>"})
    void acceptsExternalScriptsAndPlainMarkup(String html) {
        assertThatCode(() -> assertNoInlineCode(html)).doesNotThrowAnyException();
    }
}
