package test;

import io.venvmux.VenvHandle;
import io.venvmux.internal.client.ClientDescriptor;
import io.venvmux.internal.client.PyFunction;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Client of {@link Compute}, calling the Python module {@code yourpkg_v2.entry}. Get one with {@code VenvMux.bind(Compute.class)}.
 */
@SuppressWarnings({"deprecation", "removal"})
@Generated("io.venvmux.processor.VenvModuleProcessor")
public final class VenvMux_Compute implements Compute {
  private static final PyFunction COMPUTE = PyFunction.builder("compute")
      .javaMethod("Compute.compute(int)")
      .parameters("n")
      .result(Compute.Result.class)
      .build();

  private static final PyFunction COMPUTE_ASYNC = PyFunction.builder("compute")
      .javaMethod("Compute.computeAsync(int)")
      .parameters("n")
      .result(Compute.Result.class)
      .build();

  private static final PyFunction LEGACY = PyFunction.builder("legacy_name")
      .javaMethod("Compute.legacy(String)")
      .parameters("text")
      .result(int.class)
      .timeoutMillis(2000L)
      .build();

  /**
   * What {@code VenvMux.bind} needs: the module, the env settings, the functions.
   */
  public static final ClientDescriptor<Compute> DESCRIPTOR = ClientDescriptor.builder(Compute.class, "yourpkg_v2.entry")
      .packages("numpy>=2")
      .functions(COMPUTE, COMPUTE_ASYNC, LEGACY)
      .factory(VenvMux_Compute::new)
      .build();

  private final VenvHandle handle;

  private VenvMux_Compute(VenvHandle handle) {
    this.handle = handle;
  }

  @Override
  public Compute.Result compute(int n) {
    return COMPUTE.call(this.handle, n);
  }

  @Override
  public CompletableFuture<Compute.Result> computeAsync(int n) {
    return COMPUTE_ASYNC.callAsync(this.handle, n);
  }

  @Override
  public int legacy(String text) {
    return LEGACY.call(this.handle, text);
  }

  @Override
  public String toString() {
    return "Compute client of module yourpkg_v2.entry in env " + this.handle.name();
  }
}
