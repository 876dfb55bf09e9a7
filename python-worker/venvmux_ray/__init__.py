"""venvmux on Ray: a local proxy that speaks protocol v1 and forwards calls to a Ray actor.

Unlike ``venvmux_worker`` (stdlib only), this package imports ``ray``; it runs in a venv that
venvmux builds with ``ray`` in it. Modules:

- ``actor``: the actor's class, a ``venvmux_worker`` dispatcher on the env's module (no ray
  import: it is pickled by reference and imported inside the actor).
- ``proxy`` (``python -m venvmux_ray.proxy``): one per venvmux worker; connects to the cluster,
  starts one actor, says hello with the actor's functions, then forwards request lines to the
  actor and writes its reply lines back.
- ``head`` (``python -m venvmux_ray.head``): a local Ray for a pool's life; prints its address,
  stops Ray when its stdin closes.
"""

# Exit codes of the proxy beyond the worker's own (see venvmux_worker).
EXIT_ACTOR_DIED = 6
EXIT_CLUSTER_UNREACHABLE = 7

__all__ = ["EXIT_ACTOR_DIED", "EXIT_CLUSTER_UNREACHABLE"]
