// The public chat API (see docs/contracts.md). Errors: HttpError carries the API's Dutch `detail`;
// NetworkError means the API could not be reached (or the answer was lost on the way).

export class HttpError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.detail = detail;
  }
}

export class NetworkError extends Error {}

const GATEWAY_ERRORS = new Set([502, 504]);

export function createApi(base, { timeoutMs = 90000 } = {}) {
  async function call(method, path, body, signal) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    if (signal) signal.addEventListener('abort', () => controller.abort(), { once: true });
    try {
      let response;
      try {
        response = await fetch(base + path, {
          method,
          headers: body ? { 'content-type': 'application/json' } : {},
          body: body ? JSON.stringify(body) : undefined,
          credentials: 'omit',
          signal: controller.signal,
        });
      } catch (error) {
        throw new NetworkError(String(error));
      }
      if (GATEWAY_ERRORS.has(response.status)) throw new NetworkError(`HTTP ${response.status}`);
      if (response.status === 204) return null;
      let data = null;
      try {
        data = await response.json();
      } catch (error) {
        if (response.ok) throw new NetworkError(String(error));
      }
      if (!response.ok) throw new HttpError(response.status, data && typeof data.detail === 'string' ? data.detail : '');
      return data;
    } finally {
      clearTimeout(timer);
    }
  }

  const conversation = (id) => `/api/conversations/${encodeURIComponent(id)}`;
  return {
    create: (locale, gemeente) => call('POST', '/api/conversations', gemeente ? { locale, gemeente } : { locale }),
    send: (id, message) => call('POST', `${conversation(id)}/messages`, message),
    transcript: (id) => call('GET', conversation(id)),
    remove: (id) => call('DELETE', conversation(id)),
    // The long-poll for staff messages and the queue position (see updates.js).
    updates: (id, { after, known, wait }, signal) => {
      const query = new URLSearchParams({ after: String(after), wait: String(wait) });
      if (known) query.set('known', known);
      return call('GET', `${conversation(id)}/updates?${query}`, undefined, signal);
    },
  };
}
