/**
 * The typed-clients demo: an @VenvModule interface, records, an enum, dates, bytes, an async call.
 */
package io.venvmux.examples.typed;
