package io.wasmhive.executor.internal.chicory;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.MutabilityType;
import java.util.Arrays;

/**
 * What a Chicory instance holds besides its memory, as it was at a checkpoint: mutable globals, every
 * table's references and the element segments (data segments do not change: modules that drop one are not
 * reset, see {@link ChicoryModule#resettable()}). Not thread-safe.
 */
final class InstanceState {

  private final Instance instance;
  private final GlobalInstance[] globals;
  private final long[] low;
  private final long[] high;
  private final int[][] refs;
  private final Instance[][] owners;
  private final Element[] elements;

  /** Records the instance's present state. */
  InstanceState(Instance instance) {
    this.instance = instance;
    int globalCount = instance.globalCount();
    int mutable = 0;
    GlobalInstance[] all = new GlobalInstance[globalCount];
    for (int i = 0; i < globalCount; i++) {
      GlobalInstance g = instance.global(i);
      if (g.getMutabilityType() == MutabilityType.Var) {
        all[mutable++] = g;
      }
    }
    this.globals = Arrays.copyOf(all, mutable);
    this.low = new long[mutable];
    this.high = new long[mutable];
    for (int i = 0; i < mutable; i++) {
      low[i] = globals[i].getValueLow();
      high[i] = globals[i].getValueHigh();
    }
    int tables = instance.tableCount();
    this.refs = new int[tables][];
    this.owners = new Instance[tables][];
    for (int t = 0; t < tables; t++) {
      TableInstance table = instance.table(t);
      refs[t] = new int[table.size()];
      owners[t] = new Instance[table.size()];
      for (int i = 0; i < refs[t].length; i++) {
        refs[t][i] = table.ref(i);
        owners[t][i] = table.instance(i);
      }
    }
    this.elements = new Element[instance.elementCount()];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = instance.element(i);
    }
  }

  /** Puts the recorded state back; false when it cannot (a table grew). */
  boolean restore() {
    for (int t = 0; t < refs.length; t++) {
      if (instance.table(t).size() != refs[t].length) {
        return false;
      }
    }
    for (int i = 0; i < globals.length; i++) {
      globals[i].setValueLow(low[i]);
      globals[i].setValueHigh(high[i]);
    }
    for (int t = 0; t < refs.length; t++) {
      TableInstance table = instance.table(t);
      int[] saved = refs[t];
      for (int i = 0; i < saved.length; i++) {
        if (table.ref(i) != saved[i] || table.instance(i) != owners[t][i]) {
          table.setRef(i, saved[i], owners[t][i]);
        }
      }
    }
    for (int i = 0; i < elements.length; i++) {
      if (instance.element(i) != elements[i]) {
        instance.setElement(i, elements[i]);
      }
    }
    return true;
  }
}
