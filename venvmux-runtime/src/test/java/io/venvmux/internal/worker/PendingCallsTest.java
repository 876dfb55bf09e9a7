package io.venvmux.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.InvalidJsonException;
import io.venvmux.RemoteException;
import io.venvmux.WorkerCrashedException;
import io.venvmux.internal.codec.SpillFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link PendingCalls} matches reply lines to the calls it holds. */
class PendingCallsTest {
  /** The worker's spill folder: the only place its replies may name files in. */
  @TempDir Path spill;

  private PendingCalls calls;

  @BeforeEach
  void setUp() {
    calls = new PendingCalls("worker pid 42 of env 'v1'", "v1", "mod", new SpillFolder(spill));
  }

  private void reply(String line) {
    byte[] buf = (line + "\n").getBytes(StandardCharsets.UTF_8);
    calls.onReply(buf, buf.length - 1);
  }

  private RecordingCall held(long id, boolean untyped) {
    RecordingCall c = new RecordingCall(id, untyped, new byte[0]);
    calls.add(c);
    return c;
  }

  @Test
  void anOkReplyEndsItsCallAndReleasesIt() {
    RecordingCall one = held(1, true);
    RecordingCall two = held(2, false);
    reply("{\"id\":2,\"ok\":true,\"result\":[1,2]}");
    reply("{\"id\":1,\"ok\":true,\"result\":{\"a\":1}}");
    assertThat(one.wasReleased()).isTrue();
    assertThat(one.value()).isEqualTo(Map.of("a", 1));
    assertThat(two.value()).isEqualTo(List.of(1, 2));
    assertThat(calls.size()).isZero();
  }

  @Test
  void anUntypedCallsResultIsReadOnArrivalATypedOnesIsKeptForBindingLater() {
    String badBytes = "{\"__bytes__\":true,\"b64\":\"!!\"}";
    RecordingCall untyped = held(12, true);
    RecordingCall typed = held(13, false);
    reply("{\"id\":12,\"ok\":true,\"result\":" + badBytes + "}");
    reply("{\"id\":13,\"ok\":true,\"result\":" + badBytes + "}");
    assertThat(untyped.error()).isInstanceOf(InvalidJsonException.class);
    assertThat(typed.error()).isNull();
    assertThat(typed.result()).isNotNull(); // its binding, on the caller's thread, will fail
  }

  @Test
  void anErrorReplyFailsItsCall() {
    RecordingCall c = held(3, true);
    reply(
        "{\"id\":3,\"ok\":false,\"error\":{\"code\":\"remote_exception\",\"type\":\"KeyError\"}}");
    assertThat(c.error()).isInstanceOf(RemoteException.class);
    assertThat(c.wasReleased()).isTrue();
  }

  @Test
  void aSpilledResultIsReadAndItsFileDeleted() throws Exception {
    Path file = Files.writeString(spill.resolve("r.json"), "[\"big\"]");
    RecordingCall c = held(4, true);
    reply("{\"id\":4,\"ok\":true,\"result_file\":\"" + json(file) + "\"}");
    assertThat(c.value()).isEqualTo(List.of("big"));
    assertThat(file).doesNotExist();
  }

  @Test
  void aSpillFileThatIsGoneFailsItsCall() {
    RecordingCall c = held(5, true);
    reply("{\"id\":5,\"ok\":true,\"result_file\":\"" + json(spill.resolve("gone")) + "\"}");
    assertThat(c.error()).isInstanceOf(InvalidJsonException.class).hasMessageContaining("'f'");
    assertThat(c.wasReleased()).isTrue();
  }

  @Test
  void aReplyToACallNoLongerHeldIsDroppedAndItsSpillFileDeleted() throws Exception {
    RecordingCall gone = held(6, true);
    calls.forget(gone); // it timed out
    Path file = Files.writeString(spill.resolve("late.json"), "1");
    reply("{\"id\":6,\"ok\":true,\"result_file\":\"" + json(file) + "\"}");
    reply("{\"id\":77,\"ok\":true,\"result\":1}");
    assertThat(file).doesNotExist();
    assertThat(gone.isDone()).isFalse();
    assertThat(gone.wasReleased()).isFalse();
  }

  @Test
  void aFileOutsideTheSpillFolderIsNeitherReadNorDeleted(@TempDir Path elsewhere) throws Exception {
    Path file = Files.writeString(elsewhere.resolve("r.json"), "[\"secret\"]");
    RecordingCall c = held(8, true);
    reply("{\"id\":8,\"ok\":true,\"result_file\":\"" + json(file) + "\"}");
    assertThat(c.error())
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("not in the spill folder");
    RecordingCall gone = held(9, true);
    calls.forget(gone);
    reply("{\"id\":9,\"ok\":true,\"result_file\":\"" + json(file) + "\"}");
    assertThat(file).exists().hasContent("[\"secret\"]");
  }

  @Test
  void aLinePastTheLimitFailsTheCallItsHeadNames() {
    RecordingCall c = held(10, false);
    byte[] head = "{\"id\":10,\"ok\":true,\"result\":\"xxxx".getBytes(StandardCharsets.UTF_8);
    calls.onOversized(head, head.length, 100_000_000L);
    assertThat(c.error())
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("100000000 bytes")
        .hasMessageContaining("maxReplyLineBytes");
  }

  @Test
  void linesNamingNoCallLeaveTheHeldCallsAlone() {
    RecordingCall c = held(7, true);
    reply("{\"ok\":true,\"result\":1}");
    reply("this is not JSON");
    reply("[7]");
    assertThat(c.isDone()).isFalse();
    assertThat(calls.size()).isEqualTo(1);
  }

  @Test
  void anUnreadableReplyFailsOnlyTheCallItNames() {
    RecordingCall bad = held(8, true);
    RecordingCall neighbour = held(9, true);
    reply("{\"id\":8,\"ok\":true,\"result\":{\"__bytes__\":true,\"b64\":\"!!\"}}");
    assertThat(bad.error())
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("fn 'f' in env 'v1' cannot be read");
    assertThat(bad.wasReleased()).isTrue();
    assertThat(neighbour.isDone()).isFalse();
    reply("{\"id\":9,\"ok\":true,\"result\":null}");
    assertThat(neighbour.isDone()).isTrue();
    assertThat(neighbour.error()).isNull();
  }

  @Test
  void theWorkersEndFailsEveryCallStillHeld() {
    RecordingCall a = held(10, true);
    RecordingCall b = held(11, false);
    calls.failAll(
        new ExitReport("worker pid 42 of env 'v1'", "v1", "mod", 1, null, null, 2, List.of()));
    assertThat(a.error()).isInstanceOf(WorkerCrashedException.class);
    assertThat(b.error()).isInstanceOf(WorkerCrashedException.class);
    assertThat(a.wasReleased() && b.wasReleased()).isTrue();
    assertThat(calls.size()).isZero();
  }

  private static String json(Path p) {
    return p.toString().replace("\\", "\\\\");
  }
}
