"""Functions for the Ray-backed env tests: where a call ran, and an actor that dies mid-call."""
import os
import signal
import time


def where() -> dict:
    return {"pid": os.getpid(), "ray": "RAY_RAYLET_PID" in os.environ or _in_ray()}


def _in_ray() -> bool:
    try:
        import ray

        return ray.is_initialized()
    except ImportError:
        return False


def slow_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def die_after(seconds: float) -> int:
    time.sleep(seconds)
    os.kill(os.getpid(), signal.SIGKILL)
    return 0
