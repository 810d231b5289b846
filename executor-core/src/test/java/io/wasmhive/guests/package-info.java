/**
 * The shared guest corpus, for the tests of every module: {@link io.wasmhive.guests.GuestCorpus}. Published with the
 * corpus itself in executor-core's test jar.
 */
package io.wasmhive.guests;
