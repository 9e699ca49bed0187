// While the citizen waits for or talks to a staff member: a long-poll of
// GET /api/conversations/{id}/updates (staff messages, handoff notices, the queue position).
//
// Each request sends the last message id the widget has (`after`) and the fingerprint of the last
// status it got (`known`, the answer's status.key): the API answers at once when something changed,
// else it holds the request up to WAIT_S seconds. When /updates fails (an error, an API without it,
// a proxy that cuts long requests) the feed is not `healthy`: the widget then polls the transcript,
// and the feed tries /updates again after a growing pause (backoff.js).
import { retryDelay } from './backoff.js';
import { N_ } from './i18n.js';

export const WAIT_S = 20;
const MIN_GAP_MS = 1000; // at most one request a second, also when every answer comes at once
const RETRY = { baseMs: 4000, maxMs: 60000 }; // /updates again after 4, 8, 16, 32 s, then every minute

export class UpdatesFeed {
  /**
   * request({ after, known, wait }, signal) -> Promise of the /updates answer;
   * onNews(answer) after each answer; onFailure(error) when a request failed.
   */
  constructor({ request, onNews, onFailure = () => {}, timers = globalThis, now = () => Date.now() }) {
    Object.assign(this, { request, onNews, onFailure, timers, now });
    this.round = 0; // bumped by stop(): a late answer of an older round is dropped
    this.wanted = false;
    this.running = false;
    this.timer = null;
    this.reset();
  }

  /** A new conversation: nothing seen yet. */
  reset() {
    this.stop();
    this.lastId = 0;
    this.key = null;
    this.failures = 0;
    this.healthy = true;
  }

  /** The widget got messages up to this id elsewhere (the transcript): do not ask for them again. */
  seen(id) {
    if (Number.isInteger(id) && id > this.lastId) this.lastId = id;
  }

  start() {
    this.wanted = true;
    if (!this.running && this.timer === null) this.run();
  }

  stop() {
    this.wanted = false;
    this.round += 1;
    this.running = false;
    this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.controller) this.controller.abort();
    this.controller = null;
  }

  later(ms) {
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (this.wanted) this.run();
    }, ms);
  }

  async run() {
    const round = this.round;
    const started = this.now();
    this.running = true;
    this.controller = typeof AbortController === 'function' ? new AbortController() : null;
    // The first request answers at once: the widget needs the status line now.
    const query = { after: this.lastId, known: this.key, wait: this.key === null ? 0 : WAIT_S };
    let answer;
    try {
      answer = await this.request(query, this.controller && this.controller.signal);
    } catch (error) {
      if (round !== this.round) return;
      this.running = false;
      this.failures += 1;
      this.healthy = false;
      if (this.wanted) this.later(retryDelay(this.failures - 1, RETRY)); // before onFailure, which may stop or start
      this.onFailure(error);
      return;
    }
    if (round !== this.round) return;
    this.running = false;
    this.controller = null;
    this.failures = 0;
    this.healthy = true;
    this.seen(answer.last_id);
    this.key = (answer.status && answer.status.key) || '';
    if (this.wanted) this.later(Math.max(0, MIN_GAP_MS - (this.now() - started))); // before onNews, as above
    this.onNews(answer);
  }
}

/** The messages of an answer that are not on screen yet (by id), as transcript entries. */
export function unseen(entries, messages) {
  const shown = new Set(entries.map((entry) => entry.id).filter((id) => id !== undefined));
  return messages
    .filter((message) => !shown.has(message.id))
    .map(({ id, sender, text, sources, created_at }) => ({ id, sender, text, buttons: [], sources: sources || [], delivered: true, created_at }));
}

/** The highest message id among the entries (0 if none has one). */
export function lastId(entries) {
  return entries.reduce((max, entry) => (Number.isInteger(entry.id) && entry.id > max ? entry.id : max), 0);
}

const AHEAD = { 0: N_('Nobody is waiting before you.'), 1: N_('There is 1 person waiting before you.') };
const AHEAD_MANY = N_('There are {count} people waiting before you.');

/** The citizen's place in the queue as a sentence ("Er wacht 1 persoon voor u."), or '' if not waiting. */
export function queueText(status, t) {
  const ahead = status && status.ahead;
  if (!Number.isInteger(ahead) || ahead < 0) return '';
  return t(AHEAD[ahead] || AHEAD_MANY, { count: ahead });
}
