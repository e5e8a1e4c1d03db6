export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

/**
 * A tiny incremental parser for text/event-stream (WHATWG HTML §9.2): feed it decoded chunks, get
 * whole messages. Comment lines (": heartbeat") are ignored; `retry:` is reported to the caller.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  constructor(
    private readonly onMessage: (m: SseMessage) => void,
    private readonly onRetry: (ms: number) => void = () => {},
  ) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, nl);
      const width = this.buffer.startsWith('\r\n', nl) ? 2 : 1;
      this.buffer = this.buffer.slice(nl + width);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length) this.onMessage({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id') this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value));
  }
}

export interface LiveStreamOptions {
  url: string;
  token: () => string | undefined;
  onPosition: (position: string) => void;
  onState: (state: 'connecting' | 'live' | 'offline') => void;
}

/**
 * Follows GET /api/v1/stream with fetch + a ReadableStream reader, so the token travels in the
 * Authorization header (EventSource cannot set headers; tokens must not be in URLs). Reconnects
 * with backoff; stop() aborts the request.
 */
export function followLiveStream(options: LiveStreamOptions): { stop: () => void } {
  let stopped = false;
  let controller: AbortController | undefined;
  let retryMs = 3000;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    const token = options.token();
    if (stopped || !token) return;
    controller = new AbortController();
    options.onState('connecting');
    try {
      const res = await fetch(options.url, {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
        signal: controller.signal,
        cache: 'no-store',
      });
      if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
      options.onState('live');
      const parser = new SseParser(
        (m) => {
          if (m.event !== 'position') return;
          try {
            const { position } = JSON.parse(m.data) as { position: string };
            options.onPosition(position);
          } catch {
            // A malformed message is skipped; the next one carries the newer position anyway.
          }
        },
        (ms) => {
          retryMs = ms;
        },
      );
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } catch {
      // Aborted, refused or dropped: fall through to the reconnect below.
    }
    if (stopped) return;
    options.onState('offline');
    timer = setTimeout(() => void connect(), retryMs);
  };

  void connect();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
    },
  };
}
