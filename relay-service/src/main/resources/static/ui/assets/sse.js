// Server-Sent Events over fetch(): EventSource cannot send an Authorization header, and the API key must not go
// into a URL. This reader sends the key and Last-Event-ID as headers, parses the text/event-stream format
// (id, data, retry, comments), remembers the last id — frames with an id and no data move it too — and reconnects
// after the server's retry delay, resuming where it stopped.

import { authHeaders, errorOf, serviceUrl } from './api.js';

export class EventStream {
  /**
   * @param service the service whose base URL prefixes path
   * @param path the events path, with its query
   * @param handlers onEvent({id, data}), onId(id) after each id, onState(state, detail) with state connecting|open|closed|error
   * @param lastEventId where to resume, or null
   */
  constructor(service, path, handlers, lastEventId = null) {
    this.service = service;
    this.path = path;
    this.handlers = handlers;
    this.lastEventId = lastEventId;
    this.retryMs = 3000;
    this.controller = null;
    this.running = false;
    this.timer = null;
  }

  start() {
    if (this.running) {
      return;
    }
    this.running = true;
    this.connect();
  }

  /** Closes the connection; start() later resumes from the last event id. */
  stop() {
    this.running = false;
    clearTimeout(this.timer);
    this.controller?.abort();
    this.handlers.onState?.('closed', 'disconnected');
  }

  async connect() {
    this.controller = new AbortController();
    const headers = authHeaders({ Accept: 'text/event-stream' });
    if (this.lastEventId) {
      headers['Last-Event-ID'] = this.lastEventId;
    }
    this.handlers.onState?.('connecting', this.lastEventId ? `resuming after ${this.lastEventId}` : '');
    try {
      const response = await fetch(serviceUrl(this.service) + this.path,
        { headers, signal: this.controller.signal, cache: 'no-store' });
      if (!response.ok) {
        const error = await errorOf(this.service, response);
        this.handlers.onState?.('error', error.describe());
        this.retryLater(error.retryAfter != null ? error.retryAfter * 1000 : this.retryMs);
        return;
      }
      this.handlers.onState?.('open', '');
      await this.read(response.body.getReader());
      this.handlers.onState?.('error', 'the stream ended');
    } catch (e) {
      if (e.name === 'AbortError') {
        return;
      }
      this.handlers.onState?.('error', `${this.service}-service is unreachable (${e.message})`);
    }
    this.retryLater(this.retryMs);
  }

  retryLater(ms) {
    if (this.running) {
      this.timer = setTimeout(() => this.running && this.connect(), ms);
    }
  }

  async read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let frame = { id: null, data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          this.dispatch(frame);
          frame = { id: null, data: [] };
        } else {
          this.field(frame, line);
        }
      }
    }
  }

  field(frame, line) {
    if (line.startsWith(':')) {
      return; // a comment: the heartbeat
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'data') {
      frame.data.push(value);
    } else if (name === 'id' && !value.includes('\0')) {
      frame.id = value;
    } else if (name === 'retry' && /^\d+$/.test(value)) {
      this.retryMs = Number(value);
    }
  }

  dispatch(frame) {
    if (frame.data.length) {
      this.handlers.onEvent({ id: frame.id, data: frame.data.join('\n') });
    }
    if (frame.id !== null) {
      this.lastEventId = frame.id;
      this.handlers.onId?.(frame.id); // a frame with only an id moves the resume point too
    }
  }
}
