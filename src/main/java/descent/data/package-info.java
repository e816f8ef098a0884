/**
 * Datasets and what is done to them before training.
 *
 * <ul>
 *   <li>{@link descent.data.Datasets}: Fashion-MNIST and MNIST (found on disk, or downloaded on request with checksum
 *       verification) and synthetic 2-D sets (spirals, moons, circles, XOR, blobs, linear).</li>
 *   <li>{@link descent.data.Idx}: the IDX (MNIST-format) reader, gzip or not, checked before it allocates; every
 *       problem is an {@link descent.data.IdxFormatException} naming the file.</li>
 *   <li>{@link descent.data.Dataset}: features, labels and class names; {@code rows}, {@code sample}, {@code oneHot},
 *       {@code toTable}.</li>
 *   <li>{@link descent.data.Standardizer}, {@link descent.data.MinMaxScaler}, {@link descent.data.Scaling}: fit on
 *       train, apply to test, and before/after statistics tables.</li>
 *   <li>{@link descent.data.Splits}: seeded (optionally stratified) train/validation/test splits;
 *       {@link descent.data.Batches}: mini-batch indices, shuffled per epoch or drawn with replacement.</li>
 * </ul>
 *
 * <pre>{@code
 * var data = Datasets.fashionMnist();                       // 60000 + 10000 images, 784 features, 10 classes
 * var z = Standardizer.fit(data.train());
 * var train = z.transform(data.train());
 * var batches = Batches.shuffled(train.size(), 100, 42);
 * }</pre>
 * Figures of datasets live in {@code descent.plot.DataPlots}. Guide: {@code docs/data.md}.
 */
package descent.data;
