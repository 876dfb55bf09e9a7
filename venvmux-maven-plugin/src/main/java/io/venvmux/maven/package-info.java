/**
 * The venvmux Maven plugin: goal {@code generate} writes a module's typed client into the build,
 * goal {@code check} fails the build when checked-in client code has drifted from the module.
 */
@NullMarked
package io.venvmux.maven;

import org.jspecify.annotations.NullMarked;
