package descent.data;

import descent.tensor.Matrix;

import java.nio.file.Path;

/**
 * Images read from an IDX file: one flattened image per row of {@code pixels} (values in [0, 1]), with the
 * image shape kept so a row can be turned back into a picture.
 *
 * <pre>{@code
 * var im = Idx.images(Datasets.fashionMnistDir().resolve("t10k-images-idx3-ubyte.gz"));
 * im;             // Images(10000 of 28x28 from t10k-images-idx3-ubyte.gz)
 * im.pixels();    // Matrix(10000x784)[...]: one image per row, values in [0, 1]
 * im.image(0)     // Matrix(28x28)[...]
 * }</pre>
 *
 * @param file   where the images came from
 * @param height pixels per column (IDX "rows")
 * @param width  pixels per row (IDX "columns")
 * @param pixels count × (height·width), row-major within each image
 */
public record Images(Path file, int height, int width, Matrix pixels) {
    public Images {
        if (pixels.cols() != height * width) {
            throw new IllegalArgumentException("Images of " + height + "x" + width + " need " + height * width
                    + " columns but the pixel matrix is " + pixels.shape() + ".");
        }
    }

    /** Number of images. */
    public int count() {
        return pixels.rows();
    }

    /** Image {@code i} as a height × width matrix (a copy). */
    public Matrix image(int i) {
        if (i < 0 || i >= count()) {
            throw new IndexOutOfBoundsException("Images has images 0.." + (count() - 1) + "; asked for image " + i + ".");
        }
        double[] one = new double[height * width];
        System.arraycopy(pixels.data(), i * one.length, one, 0, one.length);
        return Matrix.wrap(height, width, one);
    }

    @Override
    public String toString() {
        return "Images(" + count() + " of " + height + "x" + width + " from " + file.getFileName() + ")";
    }
}
