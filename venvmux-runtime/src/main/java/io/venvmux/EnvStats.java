package io.venvmux;

import java.time.Duration;

/**
 * A snapshot of one env's workers and calls, from {@link VenvHandle#stats()} or {@link
 * Pool#stats()}. The counters run from the env's creation (a stop or reload does not reset them).
 *
 * @param workers live workers (not stopping)
 * @param busy calls a worker is running now (at most {@link EnvSpec#inflight()} per worker)
 * @param queued calls waiting to run: in the env's queue, or in a worker's pipe behind the calls it
 *     runs (see {@link EnvSpec.Builder#pipelined(int)})
 * @param calls calls that ended, any way (result, error, timeout, cancellation, refusal)
 * @param failures calls that ended with a {@link CallException}, timeouts and refusals included
 * @param timeouts calls that ended with {@link CallTimeoutException}
 * @param restarts workers lost to a crash or killed after a timeout (each is replaced)
 * @param p50 the median time from submission to end of the calls that ended with a result or an
 *     error; {@link Duration#ZERO} before the first
 * @param p99 the 99th percentile of that time; both are read from a log-bucket histogram, within
 *     about 3 % of the exact value
 */
public record EnvStats(
    int workers,
    int busy,
    int queued,
    long calls,
    long failures,
    long timeouts,
    long restarts,
    Duration p50,
    Duration p99) {}
