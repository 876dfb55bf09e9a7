package io.venvmux.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.venvmux.BadArgumentsException;
import io.venvmux.CallException;
import io.venvmux.InvalidJsonException;
import io.venvmux.NotFoundException;
import io.venvmux.RemoteException;
import io.venvmux.internal.codec.BinaryIn;
import io.venvmux.internal.codec.SpillFolder;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReplyReader} on reply lines given as bytes. */
class ReplyReaderTest {

  /** The line's bytes in a larger buffer, as the worker's line reader hands them over. */
  private static byte[] bytes(String line) {
    return (line + "\n{\"id\":999}").getBytes(StandardCharsets.UTF_8);
  }

  private static int len(String line) {
    return line.getBytes(StandardCharsets.UTF_8).length;
  }

  private static Reply read(String line, boolean decode) throws UnreadableReplyException {
    return ReplyReader.read(bytes(line), len(line), decode);
  }

  private static UnreadableReplyException unreadable(String line, boolean decode) {
    return catchThrowableOfType(UnreadableReplyException.class, () -> read(line, decode));
  }

  private static long leadingId(String line) {
    return ReplyReader.leadingId(bytes(line), len(line));
  }

  private static Object value(Reply r) {
    return ResultDecoder.decode(r.inlineResult(), null, "fn 'f'");
  }

  @Test
  void theLeadingIdIsFoundWithoutAParser() {
    assertThat(leadingId("{\"id\":42,\"ok\":true,\"result\":1}")).isEqualTo(42);
    assertThat(leadingId(" { \"id\" : 7 }")).isEqualTo(7);
    assertThat(leadingId("{\"ok\":true,\"id\":42}")).isEqualTo(Reply.NO_ID);
    assertThat(leadingId("{\"id\":\"42\"}")).isEqualTo(Reply.NO_ID);
    assertThat(leadingId("{\"id\":-3,\"ok\":true}")).isEqualTo(Reply.NO_ID);
    assertThat(leadingId("{\"id\":4.5}")).isEqualTo(Reply.NO_ID);
    assertThat(leadingId("{\"id\":12345678901234567890123}")).isEqualTo(Reply.NO_ID);
    assertThat(leadingId("{\"idx\":1}")).isEqualTo(Reply.NO_ID);
    assertThat(leadingId("{\"id\":1")).isEqualTo(Reply.NO_ID); // cut off: the line says, not this
    assertThat(leadingId("")).isEqualTo(Reply.NO_ID);
    assertThat(leadingId("not json")).isEqualTo(Reply.NO_ID);
  }

  @Test
  void anOkReplyReadForAnUntypedCallHoldsNaturalValues() throws Exception {
    Reply r =
        read(
            "{\"id\":3,\"ok\":true,\"result\":{\"a\":[1,2.5,\"x\",null,true],"
                + "\"b\":{\"__bytes__\":true,\"b64\":\"AAE=\"}},\"extra\":{\"ignored\":[1]}}",
            true);
    assertThat(r.id()).isEqualTo(3);
    assertThat(r.hasId()).isTrue();
    assertThat(r.ok()).isTrue();
    assertThat(r.resultFile()).isNull();
    assertThat(r.inlineResult().isDecoded()).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) value(r);
    assertThat(m.get("a")).isEqualTo(java.util.Arrays.asList(1, 2.5, "x", null, true));
    assertThat((byte[]) m.get("b")).containsExactly(0, 1);
  }

  @Test
  void anOkReplyReadForATypedCallKeepsTokensToBindLater() throws Exception {
    Reply r = read("{\"id\":4,\"ok\":true,\"result\":[1,2,3]}", false);
    assertThat(r.inlineResult().isDecoded()).isFalse();
    Object bound =
        ResultDecoder.decode(
            r.inlineResult(),
            TypeFactory.defaultInstance().constructCollectionType(List.class, Long.class),
            "fn 'f'");
    assertThat(bound).isEqualTo(List.of(1L, 2L, 3L));
  }

  @Test
  void anOkReplyWithoutAResultIsNull() throws Exception {
    assertThat(value(read("{\"id\":5,\"ok\":true}", true))).isNull();
  }

  @Test
  void aBigIntArrivesAsBigInteger() throws Exception {
    String digits = "1" + "0".repeat(5000);
    assertThat(value(read("{\"id\":1,\"ok\":true,\"result\":" + digits + "}", true)))
        .isEqualTo(new BigInteger(digits));
  }

  @Test
  void aResultFileReplyNamesItsFileAndReadingItDeletesIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.json");
    Files.writeString(file, "{\"k\":[1,2]}");
    String escaped = file.toString().replace("\\", "\\\\");
    Reply r = read("{\"id\":6,\"ok\":true,\"result_file\":\"" + escaped + "\"}", true);
    assertThat(r.resultFile()).isEqualTo(file.toString());
    assertThat(r.result()).isNull();

    SpillFolder folder = new SpillFolder(dir);
    RawResult raw =
        ReplyReader.readResultFile(
            r.resultFile(), "fn 'f' in env 'v1'", folder, false, new BinaryIn(folder, false));
    assertThat(ResultDecoder.decode(raw, null, "fn 'f'")).isEqualTo(Map.of("k", List.of(1, 2)));
    assertThat(file).doesNotExist();
  }

  @Test
  void aResultFileThatCannotBeReadFailsTheCall(@TempDir Path dir) {
    String missing = dir.resolve("gone.json").toString();
    InvalidJsonException e =
        catchThrowableOfType(
            InvalidJsonException.class,
            () -> {
              SpillFolder folder = new SpillFolder(dir);
              ReplyReader.readResultFile(
                  missing, "fn 'f' in env 'v1'", folder, false, new BinaryIn(folder, false));
            });
    assertThat(e)
        .hasMessageContaining("cannot read the result of fn 'f' in env 'v1' from " + missing);
  }

  @Test
  void deletingAResultFileToleratesNullAndMissingFiles(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("x.json"), "1");
    SpillFolder folder = new SpillFolder(dir);
    folder.delete(null);
    folder.delete(dir.resolve("never.json").toString());
    folder.delete(file.toString());
    assertThat(file).doesNotExist();
  }

  private static CallException failure(String error) throws UnreadableReplyException {
    Reply r = read("{\"id\":8,\"ok\":false,\"error\":" + error + "}", true);
    assertThat(r.ok()).isFalse();
    assertThat(r.id()).isEqualTo(8);
    return r.failure("f", "v1", "mod");
  }

  @Test
  void anErrorReplyBecomesTheExceptionOfItsCode() throws Exception {
    CallException notFound =
        failure("{\"code\":\"not_found\",\"functions\":[\"add\",\"nap\"],\"message\":\"\"}");
    assertThat(notFound).isInstanceOf(NotFoundException.class).hasMessageContaining("'f'");
    assertThat(((NotFoundException) notFound).available()).containsExactly("add", "nap");

    assertThat(failure("{\"code\":\"invalid_json\",\"message\":\"bad line\"}"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("bad line");

    assertThat(
            failure("{\"code\":\"bad_arguments\",\"message\":\"missing b\",\"traceback\":\"tb\"}"))
        .isInstanceOf(BadArgumentsException.class)
        .hasMessageContaining("mod.f")
        .hasMessageContaining("missing b")
        .hasMessageContaining("tb");

    CallException remote =
        failure(
            "{\"code\":\"remote_exception\",\"type\":\"ValueError\",\"message\":\"no\","
                + "\"traceback\":\"Traceback...\"}");
    assertThat(remote).isInstanceOf(RemoteException.class);
    assertThat(((RemoteException) remote).pythonType()).isEqualTo("ValueError");
    assertThat(((RemoteException) remote).pythonMessage()).isEqualTo("no");
    assertThat(((RemoteException) remote).pythonTraceback()).isEqualTo("Traceback...");

    CallException other =
        failure("{\"code\":\"result_too_large\",\"type\":\"ValueError\",\"message\":\"big\"}");
    assertThat(other.getClass()).isEqualTo(CallException.class);
    assertThat(other.code()).isEqualTo("result_too_large");
    assertThat(other).hasMessageContaining("ValueError: big");
  }

  @Test
  void anErrorReplyWithoutAnErrorObjectStillFailsTheCall() throws Exception {
    Reply r = read("{\"id\":9,\"ok\":false}", true);
    assertThat(r.failure("f", "v1", "mod"))
        .isInstanceOf(RemoteException.class)
        .hasMessageContaining("without saying why");
    assertThat(failure("\"just a string\"")).isInstanceOf(RemoteException.class);
  }

  @Test
  void aLineWithoutAnIdSaysSo() throws Exception {
    assertThat(read("{\"ok\":true,\"result\":1}", true).hasId()).isFalse();
    assertThat(read("{\"id\":\"7\",\"ok\":true}", true).hasId()).isFalse();
    assertThat(read("{\"id\":-2,\"ok\":true}", true).hasId()).isFalse();
  }

  @Test
  void malformedLinesAreUnreadableNamingNoCall() {
    for (String line : List.of("not json", "[1,2]", "42", "", "{\"ok\":tru")) {
      UnreadableReplyException e = unreadable(line, true);
      assertThat(e).as(line).isNotNull();
      assertThat(e.id()).as(line).isNegative();
      assertThat(e.resultFile()).isNull();
    }
  }

  @Test
  void aBadValueAfterTheIdNamesTheCallItFails() {
    UnreadableReplyException e =
        unreadable(
            "{\"id\":11,\"ok\":true,\"result\":{\"__bytes__\":true,\"b64\":\"!!not base64\"}}",
            true);
    assertThat(e.id()).isEqualTo(11);
    InvalidJsonException call = e.toCallException("fake_bytes", "v1");
    assertThat(call)
        .hasMessageContaining("the result of fn 'fake_bytes' in env 'v1' cannot be read")
        .hasMessageContaining("str(n)")
        .hasCause(e.getCause());
  }

  @Test
  void aNumberBeyondTheParserLimitIsUnreadableTypedOrNot() {
    String digits = "9".repeat(ReplyParsers.MAX_NUMBER_LENGTH + 1);
    for (boolean decode : List.of(true, false)) {
      UnreadableReplyException e =
          unreadable("{\"id\":12,\"ok\":true,\"result\":" + digits + "}", decode);
      assertThat(e.id()).isEqualTo(12);
    }
  }

  @Test
  void anUnreadableLineCarriesTheSpillFileItNamedSoItCanBeDeleted() {
    UnreadableReplyException e =
        unreadable("{\"id\":13,\"ok\":true,\"result_file\":\"/tmp/r.json\",\"x\":[", true);
    assertThat(e.id()).isEqualTo(13);
    assertThat(e.resultFile()).isEqualTo("/tmp/r.json");
  }

  @Test
  void quotingALineKeepsItsHead() {
    byte[] buf = "x".repeat(2000).getBytes(StandardCharsets.UTF_8);
    assertThat(ReplyReader.quote(buf, 2000)).hasSize(500);
    assertThat(ReplyReader.quote(buf, 3)).isEqualTo("xxx");
  }
}
