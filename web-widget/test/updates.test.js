import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { translator } from '../src/i18n.js';
import { lastId, queueText, unseen, UpdatesFeed, WAIT_S } from '../src/updates.js';

// The Dutch interface texts as the widget gets them (api/locales/nl/LC_MESSAGES/widget.po).
function dutch() {
  const po = readFileSync(new URL('../../api/locales/nl/LC_MESSAGES/widget.po', import.meta.url), 'utf8');
  const strings = {};
  for (const [, id, str] of po.matchAll(/^msgid "(.*)"\nmsgstr "(.*)"$/gm)) strings[id] = str;
  return translator(strings);
}

/** Timers and a clock the test moves forward by hand. */
function fakeTime() {
  let now = 0;
  let timers = [];
  return {
    now: () => now,
    timers: {
      setTimeout: (fn, ms) => { const timer = { at: now + ms, fn }; timers.push(timer); return timer; },
      clearTimeout: (timer) => { timers = timers.filter((t) => t !== timer); },
    },
    pending: () => timers.length,
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        await flush();
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
      }
      now = until;
      await flush();
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A feed whose requests the test answers one by one. */
function feedWithServer() {
  const time = fakeTime();
  const requests = [];
  const news = [];
  const failures = [];
  const feed = new UpdatesFeed({
    request: (query, signal) => new Promise((resolve, reject) => requests.push({ query, resolve, reject, signal })),
    onNews: (answer) => news.push(answer),
    onFailure: (error) => failures.push(error),
    timers: time.timers,
    now: time.now,
  });
  return { feed, time, requests, news, failures };
}

const answer = (key, { messages = [], last = 0, ahead = null } = {}) => ({
  messages, state: { handoff: 'waiting' }, status: { key, ahead, text: null }, last_id: last,
});

test('the first request answers at once; later ones pass the last id and status key and wait', async () => {
  const { feed, time, requests, news } = feedWithServer();
  feed.seen(7); // the widget has the transcript up to message 7
  feed.start();
  assert.deepEqual(requests[0].query, { after: 7, known: null, wait: 0 });
  requests[0].resolve(answer('k1', { ahead: 1, last: 7 }));
  await time.advance(1000);
  assert.equal(news.length, 1);
  assert.deepEqual(requests[1].query, { after: 7, known: 'k1', wait: WAIT_S });
  const staff = { id: 9, sender: 'staff', text: 'Hallo, ik ben Anna.', sources: [], created_at: '2026-11-23T10:00:00' };
  requests[1].resolve(answer('k2', { messages: [staff], last: 9 }));
  await time.advance(1000);
  assert.deepEqual(requests[2].query, { after: 9, known: 'k2', wait: WAIT_S });
  assert.equal(requests.length, 3); // one request at a time
});

test('an answer that comes back at once is not followed by a burst of requests', async () => {
  const { feed, time, requests } = feedWithServer();
  feed.start();
  for (let i = 0; i < 3; i += 1) {
    requests[i].resolve(answer('same'));
    await time.advance(999);
    assert.equal(requests.length, i + 1, 'waits a second');
    await time.advance(1);
  }
  assert.equal(requests.length, 4);
});

test('when /updates fails the feed is unhealthy and tries again later and later; an answer heals it', async () => {
  const { feed, time, requests, failures } = feedWithServer();
  feed.start();
  assert.equal(feed.healthy, true);
  requests[0].reject(new Error('HTTP 500'));
  await time.advance(0);
  assert.equal(feed.healthy, false);
  assert.equal(failures.length, 1);
  await time.advance(3999);
  assert.equal(requests.length, 1);
  await time.advance(1);
  assert.equal(requests.length, 2, 'again after 4 s');
  requests[1].reject(new Error('HTTP 500'));
  await time.advance(7999);
  assert.equal(requests.length, 2);
  feed.start(); // the widget asking again does not skip the pause
  assert.equal(requests.length, 2);
  await time.advance(1);
  assert.equal(requests.length, 3, 'again after 8 s');
  requests[2].resolve(answer('k'));
  await time.advance(0);
  assert.equal(feed.healthy, true);
  assert.equal(failures.length, 2);
});

test('after stop a late answer is dropped and no request follows', async () => {
  const { feed, time, requests, news } = feedWithServer();
  feed.start();
  feed.stop();
  assert.equal(requests[0].signal.aborted, true);
  requests[0].resolve(answer('k', { last: 3 }));
  await time.advance(60000);
  assert.deepEqual(news, []);
  assert.equal(requests.length, 1);
  assert.equal(time.pending(), 0);
  feed.start();
  assert.equal(requests.length, 2);
});

test('reset forgets the conversation: the next request starts from the beginning', async () => {
  const { feed, time, requests } = feedWithServer();
  feed.start();
  requests[0].resolve(answer('k', { last: 12 }));
  await time.advance(0);
  feed.reset();
  feed.start();
  assert.deepEqual(requests.at(-1).query, { after: 0, known: null, wait: 0 });
  feed.seen(5);
  feed.seen(3);
  assert.equal(feed.lastId, 5);
});

test('a message already on screen is not shown again', () => {
  const shown = [{ id: 4, sender: 'bot', text: 'Ik zet u door.' }, { id: 9, sender: 'staff', text: 'Hallo' }, { sender: 'citizen', text: 'dag' }];
  const messages = [
    { id: 9, sender: 'staff', text: 'Hallo', sources: [], created_at: 'x', staff_name: 'Anna' },
    { id: 11, sender: 'staff', text: '<b>Nog</b> iets', sources: [], created_at: 'y', staff_name: 'Anna' },
  ];
  assert.deepEqual(unseen(shown, messages), [
    { id: 11, sender: 'staff', text: '<b>Nog</b> iets', buttons: [], sources: [], delivered: true, created_at: 'y' },
  ]);
  assert.equal(lastId(shown), 9);
  assert.equal(lastId([]), 0);
});

test('the place in the queue is a short Dutch sentence', () => {
  const t = dutch();
  assert.equal(queueText({ ahead: 0 }, t), 'Er wacht niemand voor u.');
  assert.equal(queueText({ ahead: 1 }, t), 'Er wacht 1 persoon voor u.');
  assert.equal(queueText({ ahead: 3 }, t), 'Er wachten 3 personen voor u.');
  assert.equal(queueText({ ahead: null, staff_name: 'Anna' }, t), ''); // talking to staff: no queue
  assert.equal(queueText(undefined, t), '');
  assert.equal(queueText({ ahead: 2 }, translator({})), 'There are 2 people waiting before you.');
});
