/**
 * Defining procedures: creating (with the export choice and the signature check), replacing, reading,
 * listing and dropping them. Nothing is stored until the module has compiled and its export matches the
 * declared parameters and result.
 */
package io.wasmhive.procedure.catalog;
