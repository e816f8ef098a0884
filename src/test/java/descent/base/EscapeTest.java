package descent.base;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EscapeTest {
    @Test
    void escapesTheFiveSpecialCharacters() {
        assertEquals("x &lt; 1 &amp; it&#39;s &quot;ok&quot; &gt; 0", Escape.html("x < 1 & it's \"ok\" > 0"));
        assertEquals("&amp;amp;", Escape.html("&amp;"), "escaping twice shows the entity as typed");
        assertEquals("η ≤ 1", Escape.html("η ≤ 1"));
        assertEquals("", Escape.html(""));
    }
}
