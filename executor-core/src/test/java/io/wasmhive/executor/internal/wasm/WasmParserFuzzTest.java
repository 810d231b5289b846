package io.wasmhive.executor.internal.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wasmhive.executor.DisallowedFeatureException;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Truncated, corrupted and random modules. The parser and the instrumenter answer with one of the two module
 * exceptions, never a runtime error of their own (the "defect" wrapping counts as one), and what they accept
 * instruments and compiles. Where the input cannot be valid, it must be refused.
 */
class WasmParserFuzzTest {

  private static final long SEED = 20_240_229L;
  private static final Set<WasmFeature> ALL = EnumSet.allOf(WasmFeature.class);
  private static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

  /** The corpus modules that parse; the corpus is missing or unreadable: fails (never skips). */
  private static List<byte[]> validCorpus() {
    List<byte[]> valid = Corpus.modules().stream().map(Corpus::read).filter(InstrumenterTest::isValid).toList();
    assertThat(valid).as("valid modules of the guest corpus").hasSizeGreaterThanOrEqualTo(40);
    return valid;
  }

  /**
   * Every proper prefix of a valid module that ends inside its header or inside a section is invalid. Every such
   * cut is tried, but for one region: in modules above 16 KiB, a cut after the code section costs a validation of
   * the whole code section first (all of them take over two minutes), so there the cuts are those within 64 bytes
   * of a section boundary (ids, sizes, segment and name headers) and every 97th in between.
   */
  @Test
  void truncatedModulesAreInvalid() {
    long prefixes = 0;
    for (byte[] module : validCorpus()) {
      Set<Integer> boundaries = sectionBoundaries(module);
      int codeEnd = codeSectionEnd(module);
      for (int cut = 0; cut < module.length; cut++) {
        if (boundaries.contains(cut) || !tried(cut, module.length, codeEnd, boundaries)) {
          continue;
        }
        byte[] prefix = Arrays.copyOf(module, cut);
        Throwable thrown = catchThrowable(() -> WasmParser.parse(prefix, ALL));
        assertThat(thrown).as("prefix of %d of %d bytes", cut, module.length)
            .isInstanceOf(InvalidModuleException.class).hasNoCause();
        prefixes++;
      }
    }
    assertThat(prefixes).isGreaterThan(600_000);
  }

  private static boolean tried(int cut, int length, int codeEnd, Set<Integer> boundaries) {
    if (length <= 16 * 1024 || cut < codeEnd || cut % 97 == 0) {
      return true;
    }
    for (int boundary : boundaries) {
      if (Math.abs(cut - boundary) <= 64) {
        return true;
      }
    }
    return false;
  }

  /**
   * A prefix that ends where a section ends is a module of whole sections, which may be valid: the header alone
   * is the empty module, and a module cut before its custom sections is still a module. Each is either refused
   * with a module exception or instruments and compiles; the header alone is accepted.
   */
  @Test
  void prefixesOfWholeSectionsAreRefusedCleanlyOrCompile() {
    int accepted = 0;
    int refused = 0;
    for (byte[] module : validCorpus()) {
      for (int cut : sectionBoundaries(module)) {
        if (cut == module.length) {
          continue;
        }
        if (acceptedAndCompiled(Arrays.copyOf(module, cut))) {
          accepted++;
        } else {
          refused++;
        }
      }
    }
    assertThat(acceptedAndCompiled(HEADER)).as("the empty module").isTrue();
    // Cut after the function section and before the code section, a module is refused; cut before its trailing
    // custom sections, it is accepted: both happen in the corpus.
    assertThat(accepted).isPositive();
    assertThat(refused).isPositive();
  }

  @Test
  void corruptedModulesOnlyRaiseModuleExceptions() {
    Random random = new Random(SEED);
    int refused = 0;
    int rounds = 0;
    for (byte[] module : validCorpus()) {
      for (int round = 0; round < 300; round++) {
        byte[] corrupted = module.clone();
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips; f++) {
          int at = 8 + random.nextInt(corrupted.length - 8);
          corrupted[at] = random.nextBoolean() ? (byte) random.nextInt(256)
              : (byte) (corrupted[at] ^ (1 << random.nextInt(8)));
        }
        if (attempt(corrupted) != null) {
          refused++;
        }
        rounds++;
      }
    }
    // A parser that accepted everything would raise nothing either: most random flips break a module.
    assertThat(refused).as("corrupted modules refused of %d", rounds).isGreaterThan(rounds / 2);
  }

  /**
   * Random bytes after a valid header are a module only by chance: the header alone, or custom sections (id 0, any
   * content) that happen to be framed right. Every one of 2,000 is either refused with a module exception or a
   * module that instruments and compiles, and refusals dominate.
   */
  @Test
  void randomBytesAfterAValidHeaderAreRejected() {
    Random random = new Random(SEED);
    int accepted = 0;
    int rounds = 2000;
    for (int round = 0; round < rounds; round++) {
      byte[] bytes = new byte[8 + random.nextInt(200)];
      random.nextBytes(bytes);
      System.arraycopy(HEADER, 0, bytes, 0, 8);
      if (acceptedAndCompiled(bytes)) {
        accepted++;
      }
    }
    assertThat(accepted).as("random modules accepted of %d", rounds).isLessThan(rounds / 20);
  }

  /** True if parsed, instrumented and compiled by Wasmtime; false if refused with a clean module exception. */
  private static boolean acceptedAndCompiled(byte[] bytes) {
    if (attempt(bytes) != null) {
      return false;
    }
    byte[] instrumented = InstrumenterTest.instrument(bytes);
    assertThatCode(() -> Wasmtime.compile(instrumented)).as("an accepted module compiles once instrumented")
        .doesNotThrowAnyException();
    return true;
  }

  /** Parses and, if that succeeds, instruments; returns the module exception thrown, if any. */
  private static Throwable attempt(byte[] bytes) {
    try {
      ParsedModule parsed = WasmParser.parse(bytes, ALL);
      Instrumenter.instrument(bytes, parsed, GasCosts.defaults(), Instrumenter.Caps.NONE);
      return null;
    } catch (InvalidModuleException | DisallowedFeatureException e) {
      assertThat(e.getCause()).as("defect: %s", e.getMessage()).isNull();
      return e;
    }
  }

  /** The offsets at which a section of a well-formed module ends, and 8, where the first begins. */
  private static Set<Integer> sectionBoundaries(byte[] module) {
    Set<Integer> boundaries = new TreeSet<>(List.of(8));
    for (int[] section : sections(module)) {
      boundaries.add(section[1]);
    }
    assertThat(boundaries).as("sections end at the end of the module").contains(module.length);
    return boundaries;
  }

  /** Where the code section ends (8 without one). */
  private static int codeSectionEnd(byte[] module) {
    return sections(module).stream().filter(s -> s[0] == 10).mapToInt(s -> s[1]).findFirst().orElse(8);
  }

  /** Each section of a well-formed module as {id, end offset}, read from its framing alone. */
  private static List<int[]> sections(byte[] module) {
    List<int[]> sections = new ArrayList<>();
    int pos = 8;
    while (pos < module.length) {
      int id = module[pos++];
      long size = 0;
      int shift = 0;
      int b;
      do {
        b = module[pos++] & 0xff;
        size |= (long) (b & 0x7f) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      pos += (int) size;
      sections.add(new int[] {id, pos});
    }
    return sections;
  }
}
