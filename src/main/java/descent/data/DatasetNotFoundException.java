package descent.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Thrown when a dataset's files are in none of the places descent looks. The message lists every place and what was
 * missing there, and the one command that installs the data.
 *
 * <pre>{@code
 * try {
 *     Datasets.fashionMnist();
 * } catch (DatasetNotFoundException e) {
 *     e.places();    // [/home/me/.descent/data/fashion-mnist, /usr/share/datasets/fashion-mnist]
 *     e.getMessage() // Fashion-MNIST not found. Looked in: ... Install it with: sudo apt-get install dataset-fashion-mnist
 * }
 * }</pre>
 */
public final class DatasetNotFoundException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final transient List<Path> places;

    public DatasetNotFoundException(String message, List<Path> places) {
        super(message);
        this.places = List.copyOf(places);
    }

    /** The directories that were searched, in order. */
    public List<Path> places() {
        return places;
    }
}
