package io.wasmhive.platform.errors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What a client is told about a JSON document it sent that did not parse or bind. Jackson's own messages name the
 * Java types the document was bound to ({@code `java.lang.String`}, a record's class), so they never reach a
 * response: this says where the problem is, by JSON path, line and column, and what kind it is. Stateless.
 */
public final class ClientMessages {

  private ClientMessages() {
  }

  /**
   * A clause for "the body is not valid: …", for example {@code it is not valid JSON (line 1, column 9)} or
   * {@code 'params[0].name' has the wrong type}; {@code failure} is the parser's exception or one wrapping it.
   */
  public static String jsonProblem(Throwable failure) {
    JacksonException jackson = find(failure);
    if (jackson == null) {
      return "it is not valid JSON";
    }
    if (jackson instanceof StreamReadException) {
      return "it is not valid JSON" + location(jackson.getLocation());
    }
    String path = path(jackson);
    if (path.isEmpty()) {
      return "it does not have the expected shape" + location(jackson.getLocation());
    }
    return jackson instanceof UnrecognizedPropertyException
        ? "'" + path + "' is not a known field"
        : "'" + path + "' is missing or has the wrong type";
  }

  /**
   * The parser's own sentence for a JSON text that did not parse into a tree, for "… is not valid JSON: …": the
   * parser's message where it names no Java type ({@code Unexpected character ('x' …)}, {@code Duplicate Object
   * property "a"}, a limit without the name of its setting); {@code content follows the JSON value (line 1, column
   * 8)} for trailing tokens, whose message names the type the text was bound to; otherwise what
   * {@link #jsonProblem} says.
   */
  public static String parserMessage(JacksonException failure) {
    String message = failure.getOriginalMessage() == null ? "" : failure.getOriginalMessage()
        .replaceAll(", from `StreamReadConstraints\\.[A-Za-z]+\\(\\)`", "");
    boolean parser = failure instanceof StreamReadException || failure instanceof StreamConstraintsException;
    if (parser && !message.isBlank() && !namesJava(message)) {
      return message;
    }
    if (failure instanceof MismatchedInputException && message.startsWith("Trailing token")) {
      return "content follows the JSON value" + location(failure.getLocation());
    }
    return jsonProblem(failure);
  }

  /** Whether a message mentions a Java type or package (Jackson quotes types in backticks). */
  private static boolean namesJava(String message) {
    return message.contains("`") || message.contains("tools.jackson") || message.contains("java.");
  }

  private static JacksonException find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JacksonException jackson) {
        return jackson;
      }
    }
    return null;
  }

  /** The JSON path of the failure, as {@code a.b[2].c}; property names come from the document, not from Java. */
  private static String path(JacksonException e) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String location(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
