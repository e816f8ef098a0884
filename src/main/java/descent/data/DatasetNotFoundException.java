package descent.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Thrown when a dataset's files are in none of the places descent looks. The message lists every place and what was
 * missing there, and the one command that installs the data.
 *
 * <pre>{@code
 * try {
 *     Datasets.fashionMnist(java.nio.file.Path.of("/no/such/dir"));   // a folder you name is the only place searched
 * } catch (DatasetNotFoundException e) {
 *     System.out.println(e.places());       // [/no/such/dir/fashion-mnist, /no/such/dir]
 *     System.out.println(e.getMessage());   // Fashion-MNIST not found. Looked for train-images-idx3-ubyte, ... in:
 * }                                         //   1. /no/such/dir/fashion-mnist (no such directory) ...
 * }</pre>
 * The message ends with the command that installs the data: {@code Install it with:  sudo apt-get install
 * dataset-fashion-mnist   (or run ./descent lab, which installs it)}. Without a folder, {@code Datasets.fashionMnist()}
 * searches {@code $DESCENT_DATA}, {@code ~/.descent/data} and {@code /usr/share/datasets}, and the message lists each.
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
