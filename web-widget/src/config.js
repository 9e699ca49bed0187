// Reads the embedding script tag:
// <script src=".../widget.js" data-locale="nl" data-gemeente="0363" data-api="..." defer>.
// data-gemeente: the CBS code of the gemeente whose site this is (its settings file on the API);
// left out, the API's default gemeente answers.

export const LOCALES = ['nl', 'en'];

export function readConfig(script, doc) {
  const data = (script && script.dataset) || {};
  const src = script && script.src;
  const fromScript = src ? new URL(src, doc.baseURI).origin : doc.location.origin;
  const apiBase = (data.api || fromScript).replace(/\/+$/, '');
  const wanted = (data.locale || doc.documentElement.lang || 'nl').slice(0, 2).toLowerCase();
  const gemeente = /^\d{4}$/.test((data.gemeente || '').trim()) ? data.gemeente.trim() : null;
  return { apiBase, locale: LOCALES.includes(wanted) ? wanted : 'nl', gemeente };
}
