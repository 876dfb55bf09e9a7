package test;

import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Python names of {@link Outer.Point}'s components that carry {@code @PyName}.
 */
@SuppressWarnings({"deprecation", "removal"})
@Generated("io.venvmux.processor.VenvModuleProcessor")
public final class VenvMuxNames_Outer_Point {
  /**
   * Component name to Python name.
   */
  public static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("xCoord", "px"));

  private VenvMuxNames_Outer_Point() {
  }
}
