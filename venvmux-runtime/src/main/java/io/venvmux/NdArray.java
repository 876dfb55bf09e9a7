package io.venvmux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A numpy array as Java sees it: its dtype, its shape and its raw bytes in C order.
 *
 * <p>A function returning an {@code ndarray} gives an {@code NdArray} through the untyped {@code
 * call} when the array is big enough to cross as raw bytes (smaller ones arrive as nested lists),
 * and always when the Java type asks for {@code NdArray}. As an argument it reaches Python as an
 * {@code ndarray} of the same dtype and shape. {@code double[]}, {@code float[]}, {@code long[]},
 * {@code int[]} and {@code byte[]} cross as 1-D arrays of {@code <f8}, {@code <f4}, {@code <i8},
 * {@code <i4} and bytes.
 *
 * <p>The dtype is numpy's {@code dtype.str}: a byte order ({@code <} little, {@code >} big, {@code
 * |} not applicable), a kind ({@code f} float, {@code i} signed, {@code u} unsigned, {@code b}
 * bool) and the item size in bytes, e.g. {@code "<f8"} for float64. Instances are immutable: {@link
 * #data()} is a read-only view.
 */
public final class NdArray {
  private final String dtype;
  private final long[] shape;
  private final ByteBuffer data;

  private NdArray(String dtype, long[] shape, ByteBuffer data) {
    this.dtype = dtype;
    this.shape = shape;
    this.data = data;
  }

  /**
   * An array of {@code dtype} and {@code shape} over {@code data} (its remaining bytes, in C order;
   * not copied, so do not change them afterwards).
   *
   * @throws IllegalArgumentException when the dtype is not of the form above, a size is negative,
   *     or the bytes are not exactly shape × item size
   */
  public static NdArray of(String dtype, long[] shape, ByteBuffer data) {
    Objects.requireNonNull(data, "data");
    int itemSize = itemSize(Objects.requireNonNull(dtype, "dtype"));
    long count = 1;
    for (long n : shape) {
      if (n < 0) {
        throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
      }
      count = Math.multiplyExact(count, n);
    }
    if (Math.multiplyExact(count, itemSize) != data.remaining()) {
      throw new IllegalArgumentException(
          "an array of dtype "
              + dtype
              + " and shape "
              + Arrays.toString(shape)
              + " needs "
              + count * itemSize
              + " bytes, got "
              + data.remaining());
    }
    return new NdArray(dtype, shape.clone(), data.slice().asReadOnlyBuffer());
  }

  /** A 1-D float64 array of {@code values} (copied). */
  public static NdArray of(double... values) {
    ByteBuffer b = allocate(values.length, Double.BYTES);
    b.asDoubleBuffer().put(values);
    return new NdArray("<f8", new long[] {values.length}, b.asReadOnlyBuffer());
  }

  /** A 1-D float32 array of {@code values} (copied). */
  public static NdArray of(float... values) {
    ByteBuffer b = allocate(values.length, Float.BYTES);
    b.asFloatBuffer().put(values);
    return new NdArray("<f4", new long[] {values.length}, b.asReadOnlyBuffer());
  }

  /** A 1-D int64 array of {@code values} (copied). */
  public static NdArray of(long... values) {
    ByteBuffer b = allocate(values.length, Long.BYTES);
    b.asLongBuffer().put(values);
    return new NdArray("<i8", new long[] {values.length}, b.asReadOnlyBuffer());
  }

  /** A 1-D int32 array of {@code values} (copied). */
  public static NdArray of(int... values) {
    ByteBuffer b = allocate(values.length, Integer.BYTES);
    b.asIntBuffer().put(values);
    return new NdArray("<i4", new long[] {values.length}, b.asReadOnlyBuffer());
  }

  /** A 1-D uint8 array of {@code values} (not copied). */
  public static NdArray ofBytes(byte[] values) {
    return new NdArray(
        "|u1", new long[] {values.length}, ByteBuffer.wrap(values).asReadOnlyBuffer());
  }

  private static ByteBuffer allocate(int count, int itemSize) {
    return ByteBuffer.allocate(Math.multiplyExact(count, itemSize)).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** numpy's {@code dtype.str}, e.g. {@code "<f8"}. */
  public String dtype() {
    return dtype;
  }

  /** The size of each dimension (a copy); empty for a 0-d array. */
  public long[] shape() {
    return shape.clone();
  }

  /** The number of dimensions. */
  public int ndim() {
    return shape.length;
  }

  /** The number of items: the product of the shape. */
  public long size() {
    return data.remaining() / itemSize(dtype);
  }

  /** The raw bytes in C order, read-only, in the dtype's byte order. */
  public ByteBuffer data() {
    return data.duplicate().order(order());
  }

  /** The items as {@code double}s, flattened in C order; the dtype must be a float64. */
  public double[] toDoubleArray() {
    double[] out = new double[count("f8")];
    data().asDoubleBuffer().get(out);
    return out;
  }

  /** The items as {@code float}s, flattened in C order; the dtype must be a float32. */
  public float[] toFloatArray() {
    float[] out = new float[count("f4")];
    data().asFloatBuffer().get(out);
    return out;
  }

  /** The items as {@code long}s, flattened in C order; the dtype must be an int64. */
  public long[] toLongArray() {
    long[] out = new long[count("i8")];
    data().asLongBuffer().get(out);
    return out;
  }

  /** The items as {@code int}s, flattened in C order; the dtype must be an int32. */
  public int[] toIntArray() {
    int[] out = new int[count("i4")];
    data().asIntBuffer().get(out);
    return out;
  }

  /** A copy of the raw bytes, whatever the dtype. */
  public byte[] toByteArray() {
    byte[] out = new byte[data.remaining()];
    data.duplicate().get(out);
    return out;
  }

  private int count(String kindAndSize) {
    if (!dtype.substring(1).equals(kindAndSize)) {
      throw new IllegalStateException(
          "this array's dtype is " + dtype + ", not " + kindAndSize + ": convert it in Python");
    }
    return Math.toIntExact(size());
  }

  private ByteOrder order() {
    return dtype.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
  }

  private static int itemSize(String dtype) {
    if (dtype.length() < 3
        || "<>|=".indexOf(dtype.charAt(0)) < 0
        || "biufc".indexOf(dtype.charAt(1)) < 0) {
      throw new IllegalArgumentException(
          "dtype " + dtype + " is not numpy's dtype.str of a numeric type, e.g. \"<f8\"");
    }
    try {
      int size = Integer.parseInt(dtype.substring(2));
      if (size > 0) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("dtype " + dtype + " has no valid item size");
  }

  /** Same dtype, shape and bytes. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof NdArray
        && dtype.equals(((NdArray) o).dtype)
        && Arrays.equals(shape, ((NdArray) o).shape)
        && data.equals(((NdArray) o).data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dtype, Arrays.hashCode(shape), data);
  }

  @Override
  public String toString() {
    return "NdArray[dtype=" + dtype + ", shape=" + Arrays.toString(shape) + "]";
  }
}
