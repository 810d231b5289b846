/**
 * One execution on one worker: the policy resolved, the module instantiated with its host interface,
 * the entry called through its call wrapper (limits, start function, {@code _initialize}, entry and gas
 * left in one call into the guest; the bytes and message ABIs then call the entry itself after {@code alloc}),
 * and engine outcomes mapped to executor errors.
 */
package io.wasmhive.executor.internal.run;
