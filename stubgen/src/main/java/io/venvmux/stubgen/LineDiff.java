package io.venvmux.stubgen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names the lines two texts do not share ({@code - old} / {@code + new}, by a longest common
 * subsequence), so a changed source is reported by the declarations that changed, not by a hash.
 */
final class LineDiff {
  private LineDiff() {}

  /**
   * The differing lines, each on its own indented line, at most {@code limit} of them: code lines
   * (the declarations) before Javadoc lines.
   */
  static String describe(String before, String after, int limit) {
    List<String> changes = new ArrayList<>(changes(lines(before), lines(after)));
    changes.sort(Comparator.comparing(LineDiff::isComment));
    StringBuilder sb = new StringBuilder();
    changes.stream().limit(limit).forEach(c -> sb.append("\n    ").append(c));
    if (changes.size() > limit) {
      sb.append("\n    ... and ").append(changes.size() - limit).append(" more lines");
    }
    return sb.toString();
  }

  static List<String> changes(List<String> a, List<String> b) {
    int[][] common = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        common[i][j] =
            a.get(i).equals(b.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        i++;
        j++;
      } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
        out.add("+ " + b.get(j++));
      } else {
        out.add("- " + a.get(i++));
      }
    }
    return out;
  }

  private static boolean isComment(String change) {
    String line = change.substring(2);
    return line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
  }

  /** Non-blank lines, trimmed: indentation and blank lines are not worth a report. */
  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
