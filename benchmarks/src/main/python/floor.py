"""The floor of every call benchmark: the least a JSON-lines worker can do.

Reads one request line, decodes it, builds the same small dict as bench_entry.echo,
encodes the reply and writes it. No dispatch, no type hints, no protection of fd 1.
"""
import json
import sys


def main() -> None:
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        req = json.loads(line)
        kwargs = req["kwargs"]
        reply = {"id": req["id"], "ok": True, "result": {"n": kwargs["n"], "name": kwargs["name"]}}
        out.write(json.dumps(reply).encode() + b"\n")
        out.flush()


if __name__ == "__main__":
    main()
