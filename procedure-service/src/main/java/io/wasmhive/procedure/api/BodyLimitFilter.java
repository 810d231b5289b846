package io.wasmhive.procedure.api;

import io.wasmhive.procedure.config.ProcedureProperties;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies to {@code procedure.max-body-size}. The limit fails the first read of a body whose
 * declared length is too large, and any read past the limit of a chunked one; the failure surfaces while the
 * handler reads its body, so {@link ApiErrors} answers it (413 {@code PAYLOAD_TOO_LARGE}).
 */
@Component
class BodyLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;

  BodyLimitFilter(ProcedureProperties properties) {
    this.maxBytes = properties.maxBodySize().toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new LimitedRequest(request, maxBytes), response);
  }

  private static ProcedureException tooLarge(long maxBytes) {
    return new ProcedureException(ErrorCode.PAYLOAD_TOO_LARGE,
        "the request body is larger than the limit of " + maxBytes + " bytes");
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), maxBytes, getContentLengthLong() > maxBytes);
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long maxBytes;
    private final boolean declaredTooLarge;
    private long read;

    LimitedStream(ServletInputStream in, long maxBytes, boolean declaredTooLarge) {
      this.in = in;
      this.maxBytes = maxBytes;
      this.declaredTooLarge = declaredTooLarge;
    }

    @Override
    public int read() throws IOException {
      check(0);
      int b = in.read();
      if (b >= 0) {
        check(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      check(0);
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        check(n);
      }
      return n;
    }

    private void check(int more) {
      read += more;
      if (declaredTooLarge || read > maxBytes) {
        throw tooLarge(maxBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
