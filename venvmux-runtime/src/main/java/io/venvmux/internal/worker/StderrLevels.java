package io.venvmux.internal.worker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.event.Level;

/**
 * Gives each line of a worker's stderr the level Python logged it at, so a worker's errors reach an
 * application that logs warnings only. A line naming no level (a print, a C library's output) is
 * INFO; the lines of a traceback that follows a logged line keep that line's level.
 */
final class StderrLevels {
  // The worker's text format puts the level name after the time; its JSON format as "level".
  private static final Pattern LEVEL =
      Pattern.compile("(?:^|[\\s\"])(CRITICAL|ERROR|WARNING|WARN|INFO|DEBUG)(?:[\\s\":]|$)");
  private static final int SEARCHED_PREFIX = 64;

  private Level current = Level.INFO;
  private boolean inTraceback;

  /** The level of the next line of the stream. */
  Level levelOf(String line) {
    if (inTraceback) {
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        inTraceback = false; // "ValueError: ..." closes the traceback and belongs to it
      }
      return current;
    }
    if (line.startsWith("Traceback (most recent call last):")) {
      inTraceback = true;
      return current;
    }
    if (!line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
      return current;
    }
    Matcher m =
        LEVEL.matcher(line.length() > SEARCHED_PREFIX ? line.substring(0, SEARCHED_PREFIX) : line);
    current = m.find() ? parse(m.group(1)) : Level.INFO;
    return current;
  }

  private static Level parse(String name) {
    switch (name) {
      case "CRITICAL":
      case "ERROR":
        return Level.ERROR;
      case "WARNING":
      case "WARN":
        return Level.WARN;
      case "DEBUG":
        return Level.DEBUG;
      default:
        return Level.INFO;
    }
  }
}
