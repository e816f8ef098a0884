package descent.nn;

import descent.tensor.Matrix;

/**
 * A loss: how far a batch of network outputs is from the targets, averaged over the examples, and its gradient.
 *
 * <pre>{@code
 * var loss = Losses.softmaxCrossEntropy();
 * var scores = Matrix.of(new double[][]{{2, 1, 0}, {0, 0, 3}});
 * var oneHotTargets = Matrix.of(new double[][]{{1, 0, 0}, {0, 0, 1}});
 * double l = loss.forward(scores, oneHotTargets);   // mean over the rows: 0.25126446043267064
 * Matrix g = loss.backward();                       // dL/dscores, to feed the last layer's backward
 * }</pre>
 *
 * As with layers, {@code backward} refers to the last {@code forward} and returns the loss's own buffer.
 */
public interface Loss {

    /** The mean loss over the rows of {@code output}; {@code target} has the same shape. */
    double forward(Matrix output, Matrix target);

    /** dL/d(output) for the last forward. */
    Matrix backward();

    /** Throws, naming both shapes, unless output and target match. */
    static void checkShapes(Object loss, Matrix output, Matrix target) {
        if (!output.sameShape(target)) {
            throw new IllegalArgumentException(loss + ": the output is " + output.shape() + " but the target is "
                    + target.shape() + "; they must match (one-hot targets have one column per class).");
        }
    }
}
