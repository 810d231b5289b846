import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Re-indents the Java files written with 4-space indentation to the repository's 2 spaces (.editorconfig), changing
 * nothing but leading spaces. Run once, by the merge that ends issue 11 (scripts/reindent.sh); deterministic, no
 * dependencies: {@code java scripts/reindent/Reindent.java [--check] [PATH...]} (default: the current directory).
 *
 * <p>A file's unit is the indentation of the first line inside its top-level type body; a type with no member line
 * (a record whose only indented lines continue its header) has the unit of half its smallest indentation, since
 * continuation lines take two units. Files of unit 4 get every leading run of n spaces replaced by n / 2, rounded up
 * (so Javadoc's {@code " *"} lines at 4k + 1 land at 2k + 1); other files are left as they are. Lines inside a text
 * block, and its closing delimiter, are left alone: their indentation is the string's content. After rewriting, each
 * line is checked to differ from the original in leading spaces only.
 *
 * <p>{@code --check} changes nothing and exits 1 when a file would change (for CI once the tree is re-indented).
 */
public final class Reindent {

  private Reindent() {
  }

  public static void main(String[] args) throws IOException {
    boolean check = false;
    List<Path> roots = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--check")) {
        check = true;
      } else {
        roots.add(Path.of(arg));
      }
    }
    if (roots.isEmpty()) {
      roots.add(Path.of("."));
    }
    int changed = 0;
    for (Path file : javaFiles(roots)) {
      String original = Files.readString(file, StandardCharsets.UTF_8);
      String result = reindent(original);
      if (!result.equals(original)) {
        changed++;
        System.out.println((check ? "would re-indent " : "re-indented ") + file);
        if (!check) {
          Files.writeString(file, result, StandardCharsets.UTF_8);
        }
      }
    }
    System.out.println(changed + " file(s) " + (check ? "to re-indent" : "re-indented"));
    if (check && changed > 0) {
      System.exit(1);
    }
  }

  private static List<Path> javaFiles(List<Path> roots) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
            .filter(p -> !isSkipped(root.relativize(p)))
            .sorted().forEach(files::add);
      }
    }
    return files;
  }

  /** Build output, VCS data and installed tools are not sources. */
  private static boolean isSkipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("target") || name.equals(".git") || name.equals("node_modules") || name.equals(".tools")) {
        return true;
      }
    }
    return false;
  }

  /** The source re-indented to 2 spaces if it is written with 4, else unchanged. */
  static String reindent(String source) {
    String[] lines = source.split("\n", -1);
    boolean[] inTextBlock = new boolean[lines.length];
    boolean[] inComment = new boolean[lines.length];
    int bodyLine = scan(lines, inTextBlock, inComment);
    if (unit(lines, inTextBlock, inComment, bodyLine) != 4) {
      return source;
    }
    StringBuilder out = new StringBuilder(source.length());
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String rewritten = inTextBlock[i] ? line : halveIndent(line);
      if (!rewritten.strip().equals(line.strip()) || !line.startsWith(" ".repeat(indent(rewritten)))) {
        throw new IllegalStateException("re-indenting changed more than leading spaces: " + line);
      }
      out.append(rewritten);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String halveIndent(String line) {
    int n = indent(line);
    if (n == 0 || n == line.length()) {
      return line;
    }
    return " ".repeat((n + 1) / 2) + line.substring(n);
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /**
   * The indentation unit: the indentation of the first line after the one that opens the top-level type body, or half
   * the smallest indentation of a file without such a line; -1 when there is none.
   */
  private static int unit(String[] lines, boolean[] inTextBlock, boolean[] inComment, int bodyLine) {
    int smallest = Integer.MAX_VALUE;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || inTextBlock[i] || inComment[i]) {
        continue;
      }
      if (bodyLine >= 0 && i > bodyLine && !line.strip().startsWith("}")) {
        return indent(line);
      }
      if (indent(line) > 0) {
        smallest = Math.min(smallest, indent(line));
      }
    }
    return smallest == Integer.MAX_VALUE || smallest % 2 != 0 ? -1 : smallest / 2;
  }

  /**
   * Marks the lines that start inside a text block or inside a block comment (after its first line), with a lexer
   * that knows strings, characters, comments and text blocks; returns the line that opens the top-level type body (the
   * first brace outside any brace or parenthesis, so not an annotation's array), or -1.
   */
  private static int scan(String[] lines, boolean[] inTextBlock, boolean[] inComment) {
    final int code = 0;
    final int blockComment = 1;
    final int textBlock = 2;
    int state = code;
    int depth = 0;
    int parens = 0;
    int bodyLine = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      inTextBlock[i] = state == textBlock;
      inComment[i] = state == blockComment;
      int j = 0;
      while (j < line.length()) {
        char c = line.charAt(j);
        if (state == blockComment) {
          if (line.startsWith("*/", j)) {
            state = code;
            j += 2;
          } else {
            j++;
          }
        } else if (state == textBlock) {
          if (c == '\\') {
            j += 2;
          } else if (line.startsWith("\"\"\"", j)) {
            state = code;
            j += 3;
          } else {
            j++;
          }
        } else if (line.startsWith("//", j)) {
          break;
        } else if (line.startsWith("/*", j)) {
          state = blockComment;
          j += 2;
        } else if (line.startsWith("\"\"\"", j)) {
          state = textBlock;
          j += 3;
        } else if (c == '"' || c == '\'') {
          j = endOfLiteral(line, j, c);
        } else {
          if (c == '{') {
            if (depth == 0 && parens == 0 && bodyLine < 0) {
              bodyLine = i;
            }
            depth++;
          } else if (c == '}') {
            depth--;
          } else if (c == '(') {
            parens++;
          } else if (c == ')') {
            parens--;
          }
          j++;
        }
      }
    }
    return bodyLine;
  }

  /** The index after the string or character literal that starts at {@code start}. */
  private static int endOfLiteral(String line, int start, char quote) {
    int j = start + 1;
    while (j < line.length()) {
      char c = line.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == quote) {
        return j + 1;
      } else {
        j++;
      }
    }
    throw new IllegalStateException("unterminated literal: " + line);
  }
}
