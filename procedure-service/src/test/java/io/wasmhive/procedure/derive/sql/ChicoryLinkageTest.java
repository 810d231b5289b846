package io.wasmhive.procedure.derive.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Chicory linkage of the default SQL engine: every field and method sqlite4j (and the Chicory wasi it brings)
 * refers to in Chicory's runtime, wasm and log packages must exist on the test classpath — the Chicory version
 * executor-core pins (the parent's {@code chicory.version}), not the 1.5.3 sqlite4j was compiled against — and
 * every concrete sqlite4j class implementing a Chicory type must implement all its methods. The JVM links lazily,
 * so without this a Chicory upgrade would surface only as a NoSuchMethodError (or AbstractMethodError) on the path
 * that first uses the missing member, in production. Moved here from the sql-eval helper's
 * {@code derive.bench.ChicoryLinkage} (its command-line check), as a test.
 */
class ChicoryLinkageTest {

  private static final String CHICORY = "com/dylibso/chicory/";
  private static final String IMPLEMENTS = "implements:";

  @Test
  void everyChicoryReferenceOfSqlite4jResolves() throws Exception {
    Set<String> refs = new TreeSet<>();
    for (String anchor : new String[] {"io.roastedroot.sqlite4j.JDBC", "com.dylibso.chicory.wasi.WasiPreview1"}) {
      Path jar = Path.of(Class.forName(anchor).getProtectionDomain().getCodeSource().getLocation().toURI());
      collect(jar, refs);
    }
    List<String> unresolved = new ArrayList<>();
    for (String ref : refs) {
      if (!resolves(ref)) {
        unresolved.add(ref);
      }
    }
    for (String type : implementors(refs)) {
      Class<?> c = Class.forName(type.replace('/', '.'), false, ChicoryLinkageTest.class.getClassLoader());
      for (Method m : c.getMethods()) {
        if (Modifier.isAbstract(m.getModifiers())) {
          unresolved.add(type + " leaves " + m + " unimplemented");
        }
      }
    }
    assertThat(refs.size() - implementors(refs).size()).as("references into Chicory").isGreaterThan(100);
    assertThat(implementors(refs)).as("sqlite4j classes implementing Chicory types").isNotEmpty();
    assertThat(unresolved).as("references that do not resolve against "
        + Class.forName("com.dylibso.chicory.runtime.Instance").getProtectionDomain().getCodeSource().getLocation())
        .isEmpty();
  }

  @Test
  void sqlite4jRunsOnTheExecutorsChicory() throws Exception {
    // One Chicory runtime on the classpath, executor-core's: the one sqlite4j's database runs on.
    assertThat(ChicoryLinkageTest.class.getClassLoader().getResources("com/dylibso/chicory/runtime/Instance.class")
        .asIterator()).toIterable().hasSize(1);
    try (var c = TestEngines.of("sqlite").openEmpty(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT 6 * 7")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }

  private static void collect(Path jar, Set<String> refs) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().endsWith(".class")) {
          try (InputStream in = file.getInputStream(entry)) {
            new ClassReader(in).accept(new Collector(refs), ClassReader.SKIP_DEBUG);
          }
        }
      }
    }
  }

  /** Collects "owner name descriptor" of every member instruction whose owner is a Chicory class. */
  private static final class Collector extends ClassVisitor {
    private final Set<String> refs;

    Collector(Set<String> refs) {
      super(Opcodes.ASM9);
      this.refs = refs;
    }

    @Override
    public void visit(int version, int access, String name, String sig, String superName, String[] interfaces) {
      boolean concrete = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) == 0;
      boolean chicorySuper = superName != null && superName.startsWith(CHICORY);
      for (String type : interfaces) {
        chicorySuper |= type.startsWith(CHICORY);
      }
      if (concrete && chicorySuper) {
        refs.add(IMPLEMENTS + name);
      }
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String type) {
          add(owner, field, type);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String type, boolean itf) {
          add(owner, method, type);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
          add(type, null, null);
        }
      };
    }

    private void add(String owner, String member, String desc) {
      boolean chicory = owner.startsWith(CHICORY) && !owner.startsWith(CHICORY + "wasi/");
      if (chicory) {
        refs.add(member == null ? owner : owner + " " + member + " " + desc);
      }
    }
  }

  private static List<String> implementors(Set<String> refs) {
    return refs.stream().filter(r -> r.startsWith(IMPLEMENTS)).map(r -> r.substring(IMPLEMENTS.length())).toList();
  }

  private static boolean resolves(String ref) {
    if (ref.startsWith(IMPLEMENTS)) {
      return true;
    }
    String[] parts = ref.split(" ");
    Class<?> owner;
    try {
      owner = Class.forName(parts[0].replace('/', '.'), false, ChicoryLinkageTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
    if (parts.length == 1) {
      return true;
    }
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(owner));
    while (!todo.isEmpty()) {
      Class<?> type = todo.poll();
      if (declares(type, parts[1], parts[2])) {
        return true;
      }
      if (type.getSuperclass() != null) {
        todo.add(type.getSuperclass());
      }
      todo.addAll(List.of(type.getInterfaces()));
    }
    return false;
  }

  private static boolean declares(Class<?> type, String name, String desc) {
    if (!desc.startsWith("(")) {
      for (Field f : type.getDeclaredFields()) {
        if (f.getName().equals(name) && descriptor(f.getType()).equals(desc)) {
          return true;
        }
      }
      return false;
    }
    List<Executable> candidates = new ArrayList<>(List.of(type.getDeclaredConstructors()));
    candidates.addAll(List.of(type.getDeclaredMethods()));
    for (Executable e : candidates) {
      String eName = e instanceof Method ? e.getName() : "<init>";
      Class<?> ret = e instanceof Method m ? m.getReturnType() : void.class;
      if (eName.equals(name) && MethodType.methodType(ret, e.getParameterTypes()).toMethodDescriptorString()
          .equals(desc)) {
        return true;
      }
    }
    return false;
  }

  private static String descriptor(Class<?> type) {
    return MethodType.methodType(type).toMethodDescriptorString().substring(2);
  }
}
