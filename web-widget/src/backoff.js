// Reconnect delays: 1 s, 2 s, 4 s, 8 s, then every 10 s. No limit: the citizen never has to hurry.
export function retryDelay(attempt, { baseMs = 1000, maxMs = 10000 } = {}) {
  return Math.min(baseMs * 2 ** Math.max(0, attempt), maxMs);
}
