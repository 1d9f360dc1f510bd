package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlPageTest {

    @Test
    void escapesEveryCharacterThatCouldOpenMarkupOrLeaveAnAttribute() {
        assertThat(HtmlPage.escape("<a href=\"x\" onclick='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    }

    @Test
    void leavesPlainTextAlone() {
        assertThat(HtmlPage.escape("access_denied: user said no.")).isEqualTo("access_denied: user said no.");
    }
}
