package io.venvmux.internal.worker;

import io.venvmux.CallException;
import io.venvmux.InvalidJsonException;
import io.venvmux.internal.codec.BinaryIn;
import io.venvmux.internal.codec.SpillFolder;
import io.venvmux.internal.wire.RawResult;
import io.venvmux.internal.wire.Reply;
import io.venvmux.internal.wire.ReplyReader;
import io.venvmux.internal.wire.StreamLines;
import io.venvmux.internal.wire.UnreadableReplyException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls one worker holds, by id, and how its reply lines end them: the wire's reader turns a
 * line into a {@link Reply}, this finds the call it names and ends it. A reply to a call no longer
 * held (it timed out, say) is dropped, its spill file deleted.
 */
final class PendingCalls {
  // The worker's logger: what a worker's replies cause is configured with the worker's logs.
  private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);

  private final Map<Long, PendingCall> calls = new ConcurrentHashMap<>();
  private final String worker;
  private final String env;
  private final String module;
  private final @Nullable SpillFolder spill;

  /**
   * @param worker names the worker in log lines, e.g. {@code worker pid 42 of env 'v1'}
   * @param spill the only folder whose files a reply may name
   */
  PendingCalls(String worker, String env, String module) {
    this(worker, env, module, null);
  }

  /**
   * @param spill the only folder whose files this worker's replies may name; null: none
   */
  PendingCalls(String worker, String env, String module, @Nullable SpillFolder spill) {
    this.worker = worker;
    this.env = env;
    this.module = module;
    this.spill = spill;
  }

  void add(PendingCall call) {
    calls.put(call.id(), call);
  }

  /** Removes a call this worker no longer holds, telling it so; null if it held none by that id. */
  @Nullable PendingCall take(long id) {
    PendingCall call = calls.remove(id);
    if (call != null) {
      call.released();
    }
    return call;
  }

  /** Forgets a call that ended on the Java side; its reply will be dropped. */
  void forget(PendingCall call) {
    calls.remove(call.id());
  }

  /** How many calls are held. */
  int size() {
    return calls.size();
  }

  /**
   * Hands every call still held back to its owner with the exception the worker's end gives it: it
   * fails, unless the worker never started it and its owner sends it elsewhere.
   */
  void failAll(ExitReport report) {
    for (PendingCall call : calls.values()) {
      take(call.id());
      call.workerLost(report.callFailure(call.fn()));
    }
  }

  /** Ends the call a reply line names. */
  void onReply(byte[] buf, int len) {
    Reply reply;
    try {
      // An untyped call's result is read as natural values at once: one pass, no token buffer.
      PendingCall lead = calls.get(ReplyReader.leadingId(buf, len));
      if (lead instanceof StreamingCall stream && deliveredItem(stream, buf, len)) {
        return;
      }
      // A reply nobody waits for has its binary files deleted, not read.
      BinaryIn in = spill == null ? null : new BinaryIn(spill, lead == null);
      reply = ReplyReader.read(buf, len, lead != null && lead.untyped(), in);
    } catch (UnreadableReplyException e) {
      unreadable(e, buf, len);
      return;
    }
    PendingCall call = reply.hasId() ? take(reply.id()) : null;
    if (call == null) {
      deleteFile(reply.resultFile());
      if (!reply.hasId()) {
        LOG.warn("{} replied to no call: {}", worker, ReplyReader.quote(buf, len));
      }
      return;
    }
    String fn = call.fn();
    String file = reply.resultFile();
    try {
      if (!reply.ok()) {
        call.fail(reply.failure(fn, env, module));
      } else if (file != null) {
        call.succeed(readResultFile(file, call));
      } else {
        call.succeed(reply.inlineResult());
      }
    } catch (CallException e) {
      call.fail(e);
    } catch (RuntimeException e) {
      LOG.error("ending fn '{}' of {} failed", fn, worker, e);
      call.fail(
          new InvalidJsonException(
              "the reply of " + describe(fn) + " could not be handled: " + e, e));
    }
  }

  /** Hands an item line to its stream; false when the line is its final reply instead. */
  private static boolean deliveredItem(StreamingCall stream, byte[] buf, int len)
      throws UnreadableReplyException {
    RawResult item = StreamLines.readItem(buf, len, stream.untyped());
    if (item == null) {
      return false;
    }
    stream.item(item);
    return true;
  }

  /**
   * A line past the size limit fails the call it names (its head names it); the worker goes on
   * serving. Any files the skipped part named are left to the spill folder's removal on close.
   */
  void onOversized(byte[] head, int headLength, long fullLength) {
    PendingCall call = take(ReplyReader.leadingId(head, headLength));
    if (call == null) {
      LOG.warn(
          "{} wrote a line of {} bytes, past the limit, naming no call: {}",
          worker,
          fullLength,
          ReplyReader.quote(head, headLength));
      return;
    }
    call.fail(
        new InvalidJsonException(
            "the reply of "
                + describe(call.fn())
                + " is a line of "
                + fullLength
                + " bytes, more than the pool's maxReplyLineBytes allows; return less, raise"
                + " Pool.builder().maxReplyLineBytes(..), or set maxResultBytes(..) so big results"
                + " come back through a file"));
  }

  /** A line the parser refuses fails the call it names; a line naming no call is logged. */
  private void unreadable(UnreadableReplyException e, byte[] buf, int len) {
    deleteFile(e.resultFile());
    PendingCall call = e.id() < 0 ? null : take(e.id());
    if (call == null) {
      LOG.warn(
          "{} wrote a line that is not a reply, ignored ({}): {}",
          worker,
          e.getMessage(),
          ReplyReader.quote(buf, len));
      return;
    }
    LOG.warn(
        "{} sent a reply to fn '{}' that cannot be read: {}", worker, call.fn(), e.getMessage());
    call.fail(e.toCallException(call.fn(), env));
  }

  private RawResult readResultFile(String file, PendingCall call) {
    if (spill == null) {
      throw new InvalidJsonException(
          "the reply of " + describe(call.fn()) + " names a file, but there is no spill folder");
    }
    return ReplyReader.readResultFile(
        file, describe(call.fn()), spill, call.untyped(), new BinaryIn(spill, false));
  }

  /** Deletes a file a dropped reply named, if it lies in the spill folder. */
  private void deleteFile(@Nullable String file) {
    if (spill != null) {
      spill.delete(file);
    }
  }

  private String describe(String fn) {
    return "fn '" + fn + "' in env '" + env + "'";
  }
}
