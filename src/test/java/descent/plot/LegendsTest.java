package descent.plot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LegendsTest {

    @Test
    void longNamesKeepTheirFirstParameterAndWhatTellsThemApart() {
        assertEquals(List.of("SGD(lr=0.95)", "Momentum(lr=0.1, momentum=0.9)", "AdaGrad(lr=1.5, eps=1e-10)",
                        "RMSProp(lr=0.1, …)", "Adam(lr=0.3, …)"),
                Legends.shorten(List.of("SGD(lr=0.95)", "Momentum(lr=0.1, momentum=0.9)", "AdaGrad(lr=1.5, eps=1e-10)",
                        "RMSProp(lr=0.1, alpha=0.99, eps=1e-08)", "Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-08)")));
        assertEquals(List.of("Adam(lr=0.3, eps=1e-08, …)", "Adam(lr=0.3, eps=1e-07, form=BOOK, …)"),
                Legends.shorten(List.of("Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-08)",
                        "Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-07, form=BOOK)")));
    }

    @Test
    void nestedValuesAreOneParameter() {
        assertEquals(List.of("SGD(lr=0.1, schedule=Cosine(period=500, minFactor=0.0))", "SGD(lr=0.1)"),
                Legends.shorten(List.of("SGD(lr=0.1, schedule=Cosine(period=500, minFactor=0.0))", "SGD(lr=0.1)")),
                "the schedule tells the two apart, so it stays");
        assertEquals(List.of("warmupCosine(warmup=10, …)"),
                Legends.shorten(List.of("warmupCosine(warmup=10, period=100, minFactor=0.0)")));
    }

    @Test
    void namesThatWouldLookAlikeOrHaveAnotherShapeStay() {
        List<String> odd = List.of("a very long name without any parentheses at all", "x^2/20 + y^2");
        assertEquals(odd, Legends.shorten(odd));
        assertEquals(List.of("Adam(lr=0.3, …)"), Legends.shorten(List.of("Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-08)")));
    }
}
