package example.broken;

/**
 * The implementation class of a plugin component whose constructor throws, as one does when it
 * misses a file it needs. {@code BrokenJars} packs this class into a plugin jar; Declarative
 * Services fails to construct it before it would check the service type, so it implements nothing
 * (and the test does not depend on the API's interfaces).
 */
public final class BrokenProvider {

    /** Always fails. */
    public BrokenProvider() {
        throw new IllegalStateException("no licence file");
    }
}
