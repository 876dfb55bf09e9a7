/**
 * Env resolution: finding interpreters, hashing an {@link io.venvmux.EnvSpec}'s inputs, building
 * venvs with uv or pip under a file lock, and the cache under {@code <home>/envs}.
 */
@NullMarked
package io.venvmux.internal.env;

import org.jspecify.annotations.NullMarked;
