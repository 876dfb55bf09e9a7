"""The floor of the call benchmark: the least a Python JSON-lines loop can do per call.

Reads ``{"id":..,"fn":..,"kwargs":{..}}`` lines on stdin and answers each with
``{"id":..,"ok":true,"result":{..}}`` (a dict of the kwargs, as a function
``echo(n, name) -> {"n": n, "name": name}`` would return) on stdout:
readline, json.loads, json.dumps, one write. No function lookup, no argument handling, no
error handling. The benchmark compares a warm venvmux call against this loop.

Run: ``python -u floor.py [--hello] [--stream]``; with ``--hello`` it first writes a hello line
shaped like the worker's, for a host that expects one. With ``--stream`` it is the floor of the
stream benchmark instead: each ``{"id":..,"n":N}`` line gets N lines ``{"id":..,"item":i}``, one
write per item as the worker makes, then ``{"id":..,"ok":true,"end":true}``, with no credit, no
thread and no generator protocol.
"""

import json
import os
import sys


def main() -> None:
    out = sys.stdout.fileno()
    if "--hello" in sys.argv[1:]:
        os.write(out, b'{"type":"hello","protocol":1,"pid":%d,"module":"floor","functions":{}}\n'
                 % os.getpid())
    readline = sys.stdin.buffer.readline
    loads = json.loads
    dumps = json.dumps
    write = os.write
    stream = "--stream" in sys.argv[1:]
    while True:
        line = readline()
        if not line:
            return
        request = loads(line)
        if stream:
            stream_items(out, request["id"], request["n"])
            continue
        result = dict(request.get("kwargs") or {})  # what an echo(**kwargs) function returns
        write(out, (dumps({"id": request["id"], "ok": True, "result": result}) + "\n").encode())


def stream_items(out: int, request_id: int, n: int) -> None:
    dumps = json.dumps
    for i in range(n):
        os.write(out, b'{"id":%d,"item":%b}\n' % (request_id, dumps(i).encode()))
    os.write(out, b'{"id":%d,"ok":true,"end":true}\n' % request_id)


if __name__ == "__main__":
    main()
