// Calls to the four services: the base URLs from /ui/config.json (the relay's configuration, never the page's),
// the API key from session storage as "Authorization: Bearer" (never in a URL), and every failure turned into an
// ApiError that says honestly what happened: unreachable, 401, 403, 429 with its retry time, or the service's error.

const KEY = 'wasmhive.apiKey';
let services = null;

/** Loads /ui/config.json once; the relay's own base URL is '' (same origin). */
export async function loadConfig() {
  const response = await fetch('config.json', { headers: authHeaders(), cache: 'no-store' });
  if (!response.ok) {
    throw await errorOf('relay', response);
  }
  services = (await response.json()).services;
  return services;
}

export function serviceUrl(service) {
  if (!services || !(service in services)) {
    throw new Error(`unknown service ${service}`);
  }
  return services[service];
}

export function apiKey() {
  return sessionStorage.getItem(KEY) || '';
}

export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(KEY, key);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

export function authHeaders(extra = {}) {
  const key = apiKey();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : { ...extra };
}

/** An error of one service, in words a person can act on. */
export class ApiError extends Error {
  constructor(service, status, code, message, retryAfter = null) {
    super(message);
    this.service = service;
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  describe() {
    const who = `${this.service}-service`;
    if (this.status === 0) {
      // A browser reports a refused CORS check exactly like a connection that failed: say both.
      return `${who} is unreachable (${this.message}), or it does not allow this page's origin ${location.origin} `
        + '(its wasmhive.security.cors-allowed-origins)';
    }
    if (this.status === 429) {
      const wait = this.retryAfter == null ? 'later' : `in ${this.retryAfter} s`;
      return `${who}: 429 ${this.code} — retry ${wait}. ${this.message}`;
    }
    if (this.status === 401) {
      return `${who}: 401 — no valid API key: enter one above. ${this.message}`;
    }
    if (this.status === 403) {
      return `${who}: 403 ${this.code} — not allowed. ${this.message}`;
    }
    return `${who}: ${this.status} ${this.code} — ${this.message}`;
  }
}

/** The ApiError of a non-2xx response: the service's error body (any of the services' shapes) and Retry-After. */
export async function errorOf(service, response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: the status alone speaks
  }
  const error = body && typeof body.error === 'object' && body.error ? body.error : {};
  const code = error.code || (typeof body?.error === 'string' ? body.error : '') || response.statusText || 'ERROR';
  const message = error.message || body?.message || `HTTP ${response.status}`;
  const header = response.headers.get('Retry-After');
  const retryAfter = header != null && /^\d+$/.test(header) ? Number(header)
    : (body && Number.isFinite(body.retry_after) ? body.retry_after
      : (Number.isFinite(error.retry_after) ? error.retry_after : null));
  return new ApiError(service, response.status, code, message, retryAfter);
}

/** fetch() against a service; a network failure becomes an ApiError with status 0. */
export async function send(service, path, { method = 'GET', json, body, headers = {}, signal } = {}) {
  const init = { method, signal, headers: authHeaders(headers) };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  } else if (body !== undefined) {
    init.body = body;
  }
  try {
    return await fetch(serviceUrl(service) + path, init);
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(service, 0, 'UNREACHABLE', `${serviceUrl(service) || location.origin}: ${e.message}`);
  }
}

/** send() that expects a 2xx JSON answer and throws the ApiError of anything else. */
export async function call(service, path, options) {
  const response = await send(service, path, options);
  if (!response.ok) {
    throw await errorOf(service, response);
  }
  return response.status === 204 ? null : response.json();
}
