// The conversation id and view settings live in sessionStorage: they survive a reload, not the tab.

export function createStorage(apiBase) {
  const prefix = `wegwijs:${apiBase}:`;
  const store = (() => {
    try {
      return window.sessionStorage;
    } catch {
      return null; // storage blocked (e.g. sandboxed frame): the widget still works, without restore
    }
  })();
  return {
    get(key) {
      try {
        return store ? store.getItem(prefix + key) : null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        if (!store) return;
        if (value === null || value === undefined) store.removeItem(prefix + key);
        else store.setItem(prefix + key, String(value));
      } catch {
        // quota or privacy mode: ignore
      }
    },
  };
}
