/**
 * One execution on one worker: the policy resolved, the module instantiated with its host interface,
 * limits set in the instrumented module, the entry called, and engine outcomes mapped to executor errors.
 */
package io.wasmhive.executor.internal.run;
