package io.wasmhive.platform.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventTypes;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the written contract in step with the code: the table of streams in {@code docs/events.md}
 * (between its {@code contract:streams} markers) is exactly what this package's records say, and the
 * Javadoc table of {@link Streams} names every one of them. When a record changes, the failure
 * message holds the table to paste.
 */
class EventContractDocumentationTest {

  private static final Path EVENTS_MD = Path.of("../docs/events.md");
  private static final Path STREAMS_SOURCE =
      Path.of("src/main/java/io/wasmhive/platform/events/contract/Streams.java");
  private static final String BEGIN = "<!-- contract:streams -->";
  private static final String END = "<!-- /contract:streams -->";

  @Test
  void docsEventsMdListsEveryStreamWithItsRecordAndFields() throws Exception {
    String docs = Files.readString(EVENTS_MD);
    int begin = docs.indexOf(BEGIN);
    int end = docs.indexOf(END);
    assertThat(begin).as("docs/events.md has the markers %s and %s", BEGIN, END).isNotNegative();
    String written = docs.substring(begin + BEGIN.length(), end).strip();
    String expected = table();
    assertThat(written).as("the table of streams in docs/events.md; it should read:%n%s%n", expected)
        .isEqualTo(expected);
  }

  @Test
  void everyRecordHasItsStreamConstantAndARowInTheJavadocTable() throws Exception {
    String source = Files.readString(STREAMS_SOURCE);
    List<String> constants = new ArrayList<>();
    for (Field field : Streams.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && !field.getName().endsWith("_GROUP")) {
        constants.add((String) field.get(null));
      }
    }
    List<Class<?>> records = records();
    assertThat(records).extracting(EventTypes::wireName).containsExactlyInAnyOrderElementsOf(constants);
    for (Class<?> type : records) {
      assertThat(source).as("the Javadoc table of Streams").contains("{@link " + type.getSimpleName() + "}");
    }
  }

  /** The Markdown table the records make: stream, record, payload fields in order. */
  static String table() throws Exception {
    StringBuilder out = new StringBuilder("| stream | record | payload fields |\n| --- | --- | --- |\n");
    for (Class<?> type : records()) {
      out.append("| `").append(EventTypes.wireName(type)).append("` | `").append(type.getSimpleName())
          .append("` | ").append(fields(type)).append(" |\n");
    }
    return out.toString().strip();
  }

  private static String fields(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      String name = "`" + wireName(component) + "`";
      if (component.getType().isRecord()) {
        name += " {" + fields(component.getType()) + "}";
      }
      names.add(name);
    }
    return String.join(", ", names);
  }

  /** The component's name on the wire: its {@code @JsonProperty}, else the codec's snake_case. */
  private static String wireName(RecordComponent component) {
    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
    if (property != null && !property.value().isEmpty()) {
      return property.value();
    }
    return component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }

  /** The event records of this package, in the order {@link Streams} declares their streams. */
  private static List<Class<?>> records() throws IOException, URISyntaxException, ClassNotFoundException {
    String source = Files.readString(STREAMS_SOURCE);
    Path dir = Path.of(Streams.class.getResource("Streams.class").toURI()).getParent();
    List<Class<?>> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
        String name = file.getFileName().toString().replace(".class", "");
        Class<?> type = Class.forName(Streams.class.getPackageName() + "." + name);
        if (type.isRecord()) {
          records.add(type);
        }
      }
    }
    records.sort(Comparator.comparing(type -> source.indexOf("\"" + EventTypes.wireName(type) + "\"")));
    return records;
  }
}
