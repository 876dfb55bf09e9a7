/** Runnable demos: two envs side by side (numpy 1 and 2), the README quickstart. */
package io.venvmux.examples;
