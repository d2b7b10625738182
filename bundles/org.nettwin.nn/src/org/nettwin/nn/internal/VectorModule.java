package org.nettwin.nn.internal;

/**
 * The check that the JVM runs with the Vector API module the kernels are written in. It names no
 * vector type, so it can run (and explain) before {@link Kernels} is loaded: without the module
 * that class would fail with a bare {@code NoClassDefFoundError}.
 */
public final class VectorModule {

    /** The incubator module's name, as given to {@code --add-modules}. */
    public static final String NAME = "jdk.incubator.vector";

    private static final boolean PRESENT = ModuleLayer.boot().findModule(NAME).isPresent();

    private VectorModule() {
    }

    /**
     * @throws IllegalStateException naming the missing JVM option when the module is absent
     */
    public static void require() {
        if (!PRESENT) {
            throw new IllegalStateException("org.nettwin.nn needs the JVM option --add-modules " + NAME
                    + " (its kernels use the Vector API); ./nettwin, the product and the test and benchmark runs pass it,"
                    + " add it to the java command line of any other launch. Inside OSGi the framework property"
                    + " org.osgi.framework.bootdelegation must also include " + NAME + ".");
        }
    }
}
