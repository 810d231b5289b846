package io.wasmhive.indexer.fetch;

import io.wasmhive.platform.ipfs.Cid;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configured gateway: its base URL without credentials, the form shown in messages and metrics (credentials
 * masked) and, when the URL carried {@code user:password@}, the Basic authorization sent with each request.
 * Immutable and thread-safe.
 */
final class Gateway {

  private static final Pattern USERINFO = Pattern.compile("(//)[^/@]*@");

  private final URI base;
  private final String masked;
  private final String userInfo;

  private Gateway(URI base, String masked, String userInfo) {
    this.base = base;
    this.masked = masked;
    this.userInfo = userInfo;
  }

  /**
   * Parses a base URL from configuration: http or https, a host, an optional path, no query or fragment.
   *
   * @throws IllegalArgumentException naming the URL, credentials masked
   */
  static Gateway parse(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw invalid(text, "not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw invalid(text, "needs http:// or https:// and a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(text, "must not have a query or fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    String authority = uri.getRawAuthority().replaceFirst("^.*@", "");
    URI base = URI.create(uri.getScheme() + "://" + authority + path);
    String masked = uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : "***@") + authority + path;
    return new Gateway(base, masked, uri.getUserInfo());
  }

  /** {@code text} with any {@code user:password@} of a URL in it replaced by {@code ***@}. */
  static String maskText(String text) {
    return USERINFO.matcher(text).replaceAll("$1***@");
  }

  /** The URL of the single block {@code cid} ({@code ?format=raw}). */
  URI blockUri(Cid cid) {
    return URI.create(base + "/ipfs/" + cid + "?format=raw");
  }

  /** The URL of the whole DAG under {@code cid} as a CAR ({@code ?format=car&dag-scope=all}). */
  URI carUri(Cid cid) {
    return URI.create(base + "/ipfs/" + cid + "?format=car&dag-scope=all");
  }

  /** The value of the Authorization header when the configured URL carried credentials. */
  Optional<String> authorization() {
    return Optional.ofNullable(userInfo).map(u -> "Basic "
        + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code message} with the credentials of this gateway, wherever they appear, masked. */
  String redact(String message) {
    String text = message == null ? "" : maskText(message);
    return userInfo == null || userInfo.isEmpty() ? text : text.replace(userInfo, "***");
  }

  /** The base URL, credentials masked: the form for messages, logs and metric tags. */
  String masked() {
    return masked;
  }

  @Override
  public String toString() {
    return masked;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("indexer.fetch.gateways (IPFS_GATEWAYS): '" + maskText(text.trim())
        + "' is not a gateway base URL: " + why);
  }
}
