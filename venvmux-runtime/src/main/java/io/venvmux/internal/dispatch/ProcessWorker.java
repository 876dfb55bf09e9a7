package io.venvmux.internal.dispatch;

import io.venvmux.internal.worker.PendingCall;
import io.venvmux.internal.worker.WorkerProcess;
import java.time.Duration;
import java.util.List;

/** A {@link Worker} that is a real worker process. */
record ProcessWorker(WorkerProcess proc) implements Worker {
  @Override
  public boolean exited() {
    return proc.exited();
  }

  @Override
  public boolean send(PendingCall call) {
    return proc.send(call);
  }

  @Override
  public List<PendingCall> sendAll(List<? extends PendingCall> calls) {
    return proc.sendAll(calls);
  }

  @Override
  public void forget(PendingCall call) {
    proc.forget(call);
  }

  @Override
  public void sendControl(byte[] line) {
    proc.sendControl(line);
  }

  @Override
  public void kill(String reason) {
    proc.kill(reason);
  }

  @Override
  public void stop(Duration grace, String reason) {
    proc.stop(grace, reason);
  }
}
