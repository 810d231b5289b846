/**
 * The names registry: {@code glyph://name@version} to modules of the module store, kept in the MongoDB
 * collection {@code module_names} and served under {@code /names}. {@link io.wasmhive.relay.names.GlyphName}
 * parses and checks names for every caller (the intent validator included).
 */
package io.wasmhive.relay.names;
