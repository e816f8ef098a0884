package descent.plot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MathTextTest {

    @Test
    void digitsAndSignsBecomeUnicodeSuperscripts() {
        assertEquals("x²/20 + y²", MathText.of("x^2/20 + y^2"));
        assertEquals("(x² + 10.0y²)/2", MathText.of("(x^2 + 10.0y^2)/2"));
        assertEquals("plateau + valley: 1 - exp(-x²/8) + 5y²", MathText.of("plateau + valley: 1 - exp(-x^2/8) + 5y^2"));
        assertEquals("10⁻³ and 2¹⁰ and e⁺¹", MathText.of("10^-3 and 2^10 and e^+1"));
        assertEquals("xⁿ, Wᵀ x, x⁽ⁿ⁺¹⁾", MathText.of("x^n, W^T x, x^(n+1)"));
    }

    @Test
    void groupsWithoutSuperscriptCharactersUsePlotlysSup() {
        assertEquals("d<sup>-1/2</sup>", MathText.of("d^(-1/2)"));
        assertEquals("e<sup>x/2</sup> + 1", MathText.of("e^(x/2) + 1"));
    }

    @Test
    void everythingElseIsUnchanged() {
        assertEquals("a ^ b", MathText.of("a ^ b"));
        assertEquals("x^", MathText.of("x^"));
        assertEquals("x^abc", MathText.of("x^abc"), "no superscript for a word");
        assertEquals("x^(open", MathText.of("x^(open"));
        assertEquals("SGD(lr=0.95)", MathText.of("SGD(lr=0.95)"));
        assertNull(MathText.of(null));
    }
}
