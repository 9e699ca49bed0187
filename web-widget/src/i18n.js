// Interface texts come from the API's gettext catalogs (GET /widget/i18n/{locale}.json).
// The msgid is the English text, so a missing catalog still leaves a usable (English) widget.

export async function loadStrings(apiBase, locale) {
  try {
    const response = await fetch(`${apiBase}/widget/i18n/${locale}.json`, { credentials: 'omit' });
    if (response.ok) return (await response.json()).strings || {};
  } catch {
    // offline at start: fall back to the English keys
  }
  return {};
}

export function translator(strings) {
  return (key, params = {}) =>
    (strings[key] || key).replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Marks a text for the catalog where it is translated later (tables of texts). */
export const N_ = (key) => key;
