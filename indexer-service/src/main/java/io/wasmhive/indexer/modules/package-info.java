/**
 * Modules over HTTP: upload ({@code POST /modules}, raw or multipart), look-up by SHA-256, CID or alias
 * ({@code GET /modules/{ref}}) and paged listing ({@code GET /modules}), on the shared module store.
 */
package io.wasmhive.indexer.modules;
