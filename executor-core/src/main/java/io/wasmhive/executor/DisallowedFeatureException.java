package io.wasmhive.executor;

/** The module uses a WebAssembly proposal outside the allowed set; the message names the section and opcode. */
public class DisallowedFeatureException extends ExecutorException {

    private static final long serialVersionUID = 1L;

    public DisallowedFeatureException(String message) {
        super(message);
    }

    public DisallowedFeatureException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.DISALLOWED_FEATURE;
    }
}
