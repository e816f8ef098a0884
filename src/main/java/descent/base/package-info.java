/**
 * The helpers every other package shares, each in one place: how numbers print, how arguments are checked, how
 * independent runs go parallel, how a step hands work to the second core ({@link descent.base.HelperThread}), how
 * text is escaped for HTML. Nothing here depends on the rest of descent.
 *
 * <pre>{@code
 * Format.repr(1e-5);                       // "1e-05": hyperparameters in toString, as Python prints them
 * Format.number(0.9849999999999998);       // "0.985": tables and messages, 4 significant digits
 * Check.positive("learning rate", 0.3);    // 0.3; with -1: Invalid learning rate: -1.0; expected a finite number > 0.
 * Parallel.map(4, i -> i * i);             // [0, 1, 4, 9], in index order whatever the threads do
 * Escape.html("a < b & \"c\"")             // "a &lt; b &amp; &quot;c&quot;"
 * }</pre>
 */
package descent.base;
