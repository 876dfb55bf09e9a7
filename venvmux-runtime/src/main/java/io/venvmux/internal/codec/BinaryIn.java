package io.venvmux.internal.codec;

import io.venvmux.NdArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the binary markers of one reply into Java values as the reply is read: {@code
 * {"__bytes__":true,"file":..,"len":N}} into {@code byte[]}, {@code
 * {"__ndarray__":true,"dtype":..,"shape":[..],"file":..}} into an {@link NdArray}. Each file is
 * read straight into its array with a {@code FileChannel} and deleted, so nothing is left behind
 * whatever the caller later does with the value. A reply nobody waits for only has its files
 * deleted.
 */
public final class BinaryIn {
  static final String BYTES = "__bytes__";
  static final String NDARRAY = "__ndarray__";
  static final String FILE = "file";

  private final SpillFolder folder;
  private final boolean discard;

  /**
   * @param discard delete the files without reading them (the reply's call is gone)
   */
  public BinaryIn(SpillFolder folder, boolean discard) {
    this.folder = folder;
    this.discard = discard;
  }

  /** Whether a JSON object whose first key is {@code key} may be a marker. */
  public static boolean isMarkerKey(@Nullable String key) {
    return BYTES.equals(key) || NDARRAY.equals(key);
  }

  /**
   * The value a file marker stands for; null when {@code map} is no file marker.
   *
   * @throws IOException when the file cannot be read, lies outside the spill folder, or the marker
   *     is malformed
   */
  public @Nullable Object resolve(Map<String, ?> map) throws IOException {
    Object file = map.get(FILE);
    boolean bytes = Boolean.TRUE.equals(map.get(BYTES));
    if (!(file instanceof String) || !(bytes || Boolean.TRUE.equals(map.get(NDARRAY)))) {
      return null;
    }
    if (discard) {
      folder.delete((String) file);
      return null;
    }
    if (bytes) {
      return folder.readAndDelete((String) file, longOr(map.get("len"), -1));
    }
    Object dtype = map.get("dtype");
    Object shape = map.get("shape");
    if (!(dtype instanceof String) || !(shape instanceof List)) {
      folder.delete((String) file);
      throw new IOException("an __ndarray__ marker needs \"dtype\" and \"shape\": " + map);
    }
    long[] dims = new long[((List<?>) shape).size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = longOr(((List<?>) shape).get(i), -1);
    }
    byte[] data = folder.readAndDelete((String) file, -1);
    try {
      return NdArray.of((String) dtype, dims, ByteBuffer.wrap(data));
    } catch (IllegalArgumentException e) {
      throw new IOException("a bad __ndarray__ marker: " + e.getMessage(), e);
    }
  }

  private static long longOr(@Nullable Object n, long fallback) {
    return n instanceof Integer || n instanceof Long ? ((Number) n).longValue() : fallback;
  }
}
