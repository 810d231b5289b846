package io.wasmhive.platform.testing.httpfuzz;

import java.util.List;
import java.util.Map;

/**
 * What one fuzz run sends: its seed and number of requests, the headers every request carries (credentials),
 * values for path variables, sample bodies by endpoint key ({@code "POST /procedures"}), the body limit the huge
 * bodies exceed, the path patterns left out, and how an error body of the service is recognised. Immutable.
 */
record FuzzOptions(long seed, int requests, Map<String, String> headers, Map<String, String> variables,
    Map<String, String> samples, long bodyLimit, List<String> excluded, ErrorBodyCheck errorBody) {
}
