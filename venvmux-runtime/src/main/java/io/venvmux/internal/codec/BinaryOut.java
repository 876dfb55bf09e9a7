package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.venvmux.NdArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Writes the big binary arguments of one request to private files of the spill folder and the
 * markers that name them into the request: {@code byte[]} as {@code {"__bytes__":true,
 * "file":..,"len":N}}, {@code double[]}/{@code float[]}/{@code long[]}/{@code int[]} and {@link
 * NdArray} as {@code {"__ndarray__":true,"dtype":..,"shape":[..],"file":..}}. The worker deletes
 * each file once read; the call deletes the {@link #files()} left when it ends.
 */
public final class BinaryOut {
  /** Binary data at least this big crosses as a file; smaller data stays inline. */
  public static final int MIN_BYTES = 64 * 1024;

  private static final int CHUNK = 1 << 20;

  private final Supplier<SpillFolder> folder;
  private final BooleanSupplier workerReadsFiles;
  private List<Path> files = List.of();
  private int enabled; // 0 unknown, 1 yes, -1 no

  /**
   * @param folder the spill folder, asked for only when a file is written
   * @param workerReadsFiles whether the env's worker has the {@code binary-files} feature; asked
   *     only when a value is big enough, at most once
   */
  public BinaryOut(Supplier<SpillFolder> folder, BooleanSupplier workerReadsFiles) {
    this.folder = folder;
    this.workerReadsFiles = workerReadsFiles;
  }

  /** The files written so far. */
  public List<Path> files() {
    return files;
  }

  /** Whether {@code bytes} of binary data go to a file. */
  boolean wants(long bytes) {
    if (bytes < MIN_BYTES) {
      return false;
    }
    if (enabled == 0) {
      enabled = workerReadsFiles.getAsBoolean() ? 1 : -1;
    }
    return enabled > 0;
  }

  void writeBytes(byte[] value, JsonGenerator g) throws IOException {
    Path f = write(ch -> writeFully(ch, ByteBuffer.wrap(value)));
    g.writeStartObject();
    g.writeBooleanField(BinaryIn.BYTES, true);
    g.writeStringField(BinaryIn.FILE, f.toString());
    g.writeNumberField("len", value.length);
    g.writeEndObject();
  }

  void writeNdArray(NdArray array, JsonGenerator g) throws IOException {
    Path f = write(ch -> writeFully(ch, array.data()));
    writeMarker(g, array.dtype(), array.shape(), f);
  }

  void writeDoubles(double[] v, JsonGenerator g) throws IOException {
    Path f = chunked(v.length, Double.BYTES, (b, from, n) -> b.asDoubleBuffer().put(v, from, n));
    writeMarker(g, "<f8", new long[] {v.length}, f);
  }

  void writeFloats(float[] v, JsonGenerator g) throws IOException {
    Path f = chunked(v.length, Float.BYTES, (b, from, n) -> b.asFloatBuffer().put(v, from, n));
    writeMarker(g, "<f4", new long[] {v.length}, f);
  }

  void writeLongs(long[] v, JsonGenerator g) throws IOException {
    Path f = chunked(v.length, Long.BYTES, (b, from, n) -> b.asLongBuffer().put(v, from, n));
    writeMarker(g, "<i8", new long[] {v.length}, f);
  }

  void writeInts(int[] v, JsonGenerator g) throws IOException {
    Path f = chunked(v.length, Integer.BYTES, (b, from, n) -> b.asIntBuffer().put(v, from, n));
    writeMarker(g, "<i4", new long[] {v.length}, f);
  }

  private static void writeMarker(JsonGenerator g, String dtype, long[] shape, Path f)
      throws IOException {
    g.writeStartObject();
    g.writeBooleanField(BinaryIn.NDARRAY, true);
    g.writeStringField("dtype", dtype);
    g.writeFieldName("shape");
    g.writeArray(shape, 0, shape.length);
    g.writeStringField(BinaryIn.FILE, f.toString());
    g.writeEndObject();
  }

  /** Fills a little-endian chunk buffer with items [from, from + n) of an array. */
  private interface ChunkFill {
    void fill(ByteBuffer chunk, int from, int n);
  }

  /** Writes a primitive array through one small buffer, never a second copy of the whole array. */
  private Path chunked(int length, int itemSize, ChunkFill fill) throws IOException {
    return write(
        ch -> {
          ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
          int perChunk = CHUNK / itemSize;
          for (int from = 0; from < length; from += perChunk) {
            int n = Math.min(perChunk, length - from);
            chunk.clear();
            fill.fill(chunk, from, n);
            chunk.limit(n * itemSize);
            writeFully(ch, chunk);
          }
        });
  }

  private interface ChannelWrite {
    void to(FileChannel ch) throws IOException;
  }

  private Path write(ChannelWrite body) throws IOException {
    Path f = folder.get().newFile("arg-");
    if (files.isEmpty()) {
      files = new ArrayList<>();
    }
    files.add(f);
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      body.to(ch);
    }
    return f;
  }

  private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }
}
