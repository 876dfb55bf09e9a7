"""Says hello with a protocol this runtime does not speak, then waits for stdin to close."""

import json
import os
import sys

sys.stdout.write(json.dumps({"type": "hello", "protocol": 99, "pid": os.getpid(), "python": "3",
                             "module": "fake", "functions": {}}) + "\n")
sys.stdout.flush()
sys.stdin.read()
