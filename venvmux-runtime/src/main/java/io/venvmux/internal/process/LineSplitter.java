package io.venvmux.internal.process;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines ending at '\n', '\r' or "\r\n" (as {@link
 * java.io.BufferedReader#readLine()} does) and keeps at most {@code maxLineBytes} of each: a
 * process that writes hundreds of megabytes without a newline costs this a fixed buffer, and its
 * line ends in a note of how much was left out. Not thread-safe; one drain thread owns it.
 */
final class LineSplitter {
  private final byte[] line;
  private final Consumer<String> sink;
  private int length;
  private long dropped;
  private boolean pending;
  private boolean afterCarriageReturn;

  LineSplitter(int maxLineBytes, Consumer<String> sink) {
    this.line = new byte[maxLineBytes];
    this.sink = sink;
  }

  /** Takes the next bytes of the stream, handing each completed line to the sink. */
  void accept(byte[] bytes, int offset, int count) {
    for (int i = offset; i < offset + count; i++) {
      byte b = bytes[i];
      boolean lineFeedAfterReturn = b == '\n' && afterCarriageReturn;
      afterCarriageReturn = b == '\r';
      if (lineFeedAfterReturn) {
        continue;
      }
      if (b == '\n' || b == '\r') {
        emit();
      } else if (length < line.length) {
        line[length++] = b;
        pending = true;
      } else {
        dropped++;
      }
    }
  }

  /** The stream ended: a last line without a line break still counts. */
  void finish() {
    if (pending) {
      emit();
    }
  }

  private void emit() {
    String text = new String(line, 0, length, StandardCharsets.UTF_8);
    if (dropped > 0) {
      text += " [... " + dropped + " more bytes]";
    }
    length = 0;
    dropped = 0;
    pending = false;
    sink.accept(text);
  }
}
