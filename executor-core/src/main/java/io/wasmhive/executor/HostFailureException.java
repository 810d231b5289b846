package io.wasmhive.executor;

/** A failure of the host itself (engine, native resources), not of the guest. */
public class HostFailureException extends ExecutorException {

    private static final long serialVersionUID = 1L;

    public HostFailureException(String message) {
        super(message);
    }

    public HostFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INTERNAL;
    }
}
