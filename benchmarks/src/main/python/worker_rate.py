"""How many small calls per second a worker serves on its own, fed a pre-written stream.

No Java: a thread writes 100k echo requests (one per line, or in frames of 16 behind a
``{"batch":16}`` header) and the main thread counts reply lines. Splits a batch benchmark's
figure into the Python side's share. Run from the repository root:
``python3 benchmarks/src/main/python/worker_rate.py``.
"""
import subprocess, sys, time, json, os
N=100000
req=[b'{"id":%d,"fn":"echo","args":[],"kwargs":{"n":7,"name":"abc"}}\n' % i for i in range(N)]
def run(cmd, frame):
    p=subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=dict(os.environ, PYTHONPATH="python-worker:benchmarks/src/main/python"))
    if "--hello" in cmd or "venvmux_worker" in cmd: p.stdout.readline()
    data=[]
    for i in range(0,N,frame):
        chunk=req[i:i+frame]
        if frame>1: data.append(b'{"batch":%d}\n' % len(chunk))
        data.extend(chunk)
    blob=b"".join(data)
    import threading
    t0=time.perf_counter()
    th=threading.Thread(target=lambda:(p.stdin.write(blob),p.stdin.close())); th.start()
    n=0
    for line in p.stdout:
        n+=1
        if n==N: break
    dt=time.perf_counter()-t0
    th.join(); p.wait()
    return N/dt
print("floor", run([sys.executable,"-u","python-worker/bench/floor.py"],1))
print("worker lines", run([sys.executable,"-u","-m","venvmux_worker","--module","bench_entry"],1))
print("worker frames16", run([sys.executable,"-u","-m","venvmux_worker","--module","bench_entry"],16))
print("worker frames16 orjson", run([sys.executable,"-u","-m","venvmux_worker","--module","bench_entry","--serializer","orjson"],16))
