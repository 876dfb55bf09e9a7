package io.venvmux.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line splitting without a process: line breaks of every kind, overlong lines, the last line. */
class LineSplitterTest {
  private final List<String> lines = new ArrayList<>();
  private final LineSplitter splitter = new LineSplitter(10, lines::add);

  private void feed(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    splitter.accept(bytes, 0, bytes.length);
  }

  @Test
  void splitsAtEveryKindOfLineBreakAsReadLineDoes() {
    feed("a\nb\r\nc\rd\n\ne");
    splitter.finish();
    assertThat(lines).containsExactly("a", "b", "c", "d", "", "e");
  }

  @Test
  void aCarriageReturnAndLineFeedSplitAcrossReadsAreOneBreak() {
    feed("a\r");
    feed("\nb\n");
    splitter.finish();
    assertThat(lines).containsExactly("a", "b");
  }

  @Test
  void anOverlongLineIsCutWithANoteOfWhatWasLeftOut() {
    for (int i = 0; i < 1000; i++) {
      feed("0123456789");
    }
    feed("\nnext\n");
    assertThat(lines).containsExactly("0123456789 [... 9990 more bytes]", "next");
  }

  @Test
  void aStreamEndingWithALineBreakHasNoEmptyLastLine() {
    feed("only\n");
    splitter.finish();
    assertThat(lines).containsExactly("only");
  }

  @Test
  void theTailKeepsTheLastLines() {
    OutputTail tail = new OutputTail(2);
    tail.add("one");
    tail.add("two");
    tail.add("three");
    assertThat(tail.lines()).containsExactly("two", "three");
  }
}
