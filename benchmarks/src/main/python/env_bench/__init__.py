"""Modules the environment benchmarks run in envs that venvmux builds."""
