package dev.conclave.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavadocTest {
    @Test
    void backQuotesBecomeCodeAndLinksBecomeAnchors() {
        assertThat(Javadoc.of("Can be: `true` or `false`. See [RFC 2822](https://www.ietf.org/rfc/rfc2822.txt)."))
                .isEqualTo("Can be: {@code true} or {@code false}. See "
                        + "<a href=\"https://www.ietf.org/rfc/rfc2822.txt\">RFC 2822</a>.");
    }

    @Test
    void markupOutsideCodeIsEscapedAndCodeKeepsItsText() {
        assertThat(Javadoc.of("the [<Conference> TwiML instruction](https://x.example/c) & @here {x}"))
                .isEqualTo("the <a href=\"https://x.example/c\">&lt;Conference&gt; TwiML instruction</a> &amp; &#64;here"
                        + " &#123;x&#125;");
        assertThat(Javadoc.of("formatted `app:<APP_SID>`")).isEqualTo("formatted {@code app:<APP_SID>}");
        assertThat(Javadoc.of("an unbalanced `a{b` here")).isEqualTo("an unbalanced <code>a&#123;b</code> here");
        assertThat(Javadoc.of("ends a comment `*/` no")).contains("<code>*&#47;</code>");
    }

    @Test
    void whitespaceIsFoldedAndNothingBecomesEmpty() {
        assertThat(Javadoc.of("  two\n  lines  ")).isEqualTo("two lines");
        assertThat(Javadoc.of(null)).isEmpty();
    }
}
