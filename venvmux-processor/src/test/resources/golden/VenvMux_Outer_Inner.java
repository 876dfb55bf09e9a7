package test;

import com.fasterxml.jackson.core.type.TypeReference;
import io.venvmux.VenvHandle;
import io.venvmux.internal.client.ClientDescriptor;
import io.venvmux.internal.client.PyFunction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Client of {@link Outer.Inner}, calling the Python module {@code geo.shapes}. Get one with {@code VenvMux.bind(Outer.Inner.class)}.
 */
@SuppressWarnings({"deprecation", "removal"})
@Generated("io.venvmux.processor.VenvModuleProcessor")
public final class VenvMux_Outer_Inner implements Outer.Inner {
  private static final PyFunction COMPUTE_STATS = PyFunction.builder("compute_stats")
      .javaMethod("Inner.computeStats(List, int)")
      .parameters("points", "max_iter")
      .result(new TypeReference<List<Map<String, Outer.Point>>>() {})
      .build();

  private static final PyFunction NEAREST = PyFunction.builder("nearest")
      .javaMethod("Inner.nearest(Point, String)")
      .parameters("p", "from_")
      .result(new TypeReference<Optional<Outer.Point>>() {})
      .build();

  private static final PyFunction NEAREST_ASYNC = PyFunction.builder("nearest")
      .javaMethod("Inner.nearestAsync(Point, String)")
      .parameters("p", "from_")
      .result(new TypeReference<Optional<Outer.Point>>() {})
      .build();

  private static final PyFunction RESET = PyFunction.builder("reset")
      .javaMethod("Inner.reset()")
      .result(Object.class)
      .build();

  private static final PyFunction RESET_ASYNC = PyFunction.builder("reset")
      .javaMethod("Inner.resetAsync()")
      .result(Void.class)
      .build();

  private static final PyFunction RENDER = PyFunction.builder("render")
      .javaMethod("Inner.render(double[])")
      .parameters("values")
      .result(byte[].class)
      .build();

  private static final PyFunction CORNERS = PyFunction.builder("corners")
      .javaMethod("Inner.corners(Point[])")
      .parameters("points")
      .result(Outer.Point[].class)
      .build();

  /**
   * What {@code VenvMux.bind} needs: the module, the env settings, the functions.
   */
  public static final ClientDescriptor<Outer.Inner> DESCRIPTOR = ClientDescriptor.builder(Outer.Inner.class, "geo.shapes")
      .env("geo")
      .requirements("requirements.txt")
      .project("py/geo")
      .python("3.12")
      .workerPaths("src/main/python", "lib")
      .workers(3)
      .functions(COMPUTE_STATS, NEAREST, NEAREST_ASYNC, RESET, RESET_ASYNC, RENDER, CORNERS)
      .factory(VenvMux_Outer_Inner::new)
      .build();

  private final VenvHandle handle;

  private VenvMux_Outer_Inner(VenvHandle handle) {
    this.handle = handle;
  }

  @Override
  public List<Map<String, Outer.Point>> computeStats(List<Outer.Point> points, int maxIter) {
    return COMPUTE_STATS.call(this.handle, points, maxIter);
  }

  @Override
  public Optional<Outer.Point> nearest(Outer.Point p, String from) {
    return NEAREST.callOptional(this.handle, p, from);
  }

  @Override
  public CompletableFuture<Optional<Outer.Point>> nearestAsync(Outer.Point p, String from) {
    return NEAREST_ASYNC.callOptionalAsync(this.handle, p, from);
  }

  @Override
  public void reset() {
    RESET.run(this.handle);
  }

  @Override
  public CompletableFuture<Void> resetAsync() {
    return RESET_ASYNC.callAsync(this.handle);
  }

  @Override
  public byte[] render(double[] values) {
    return RENDER.call(this.handle, (Object) values);
  }

  @Override
  public Outer.Point[] corners(Outer.Point... points) {
    return CORNERS.call(this.handle, (Object) points);
  }

  @Override
  public String toString() {
    return "Inner client of module geo.shapes in env " + this.handle.name();
  }
}
