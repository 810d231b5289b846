package io.wasmhive.procedure.derive.bench;

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
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Checks that every field and method sqlite4j (and the Chicory wasi it brings) refers to in Chicory's runtime,
 * wasm and log packages exists on the running classpath — the Chicory 1.7.5 executor-core pins, not the 1.5.3
 * sqlite4j was compiled against. The JVM links lazily, so a missing member would otherwise surface only as a
 * NoSuchMethodError (or AbstractMethodError, for a Chicory interface that gained a method) on the path that first
 * uses it. Exits 1 when a reference does not resolve. Blocks.
 */
public final class ChicoryLinkage {

  private static final String CHICORY = "com/dylibso/chicory/";
  private static final String IMPLEMENTS = "implements:";

  private ChicoryLinkage() {
  }

  /** Prints the number of references checked and every one that does not resolve. */
  public static void main(String[] args) throws Exception {
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
    int implementors = 0;
    for (String type : implementors(refs)) {
      implementors++;
      Class<?> c = Class.forName(type.replace('/', '.'), false, ChicoryLinkage.class.getClassLoader());
      for (Method m : c.getMethods()) {
        if (Modifier.isAbstract(m.getModifiers())) {
          unresolved.add(type + " leaves " + m + " unimplemented");
        }
      }
    }
    System.out.printf("chicory linkage: %d distinct references from sqlite4j and chicory-wasi into Chicory"
        + " runtime/wasm/log and %d concrete classes implementing Chicory types checked against %s:"
        + " %d unresolved%n", refs.size() - implementors(refs).size(), implementors,
        Class.forName("com.dylibso.chicory.runtime.Instance").getProtectionDomain().getCodeSource()
            .getLocation().getPath().replaceAll(".*/repository/", ""), unresolved.size());
    unresolved.forEach(ref -> System.out.println("  unresolved: " + ref));
    if (!unresolved.isEmpty()) {
      System.exit(1);
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
      owner = Class.forName(parts[0].replace('/', '.'), false, ChicoryLinkage.class.getClassLoader());
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
