// Reads the embedding script tag: <script src=".../widget.js" data-locale="nl" data-api="..." defer>.

export const LOCALES = ['nl', 'en'];

export function readConfig(script, doc) {
  const data = (script && script.dataset) || {};
  const src = script && script.src;
  const fromScript = src ? new URL(src, doc.baseURI).origin : doc.location.origin;
  const apiBase = (data.api || fromScript).replace(/\/+$/, '');
  const wanted = (data.locale || doc.documentElement.lang || 'nl').slice(0, 2).toLowerCase();
  return { apiBase, locale: LOCALES.includes(wanted) ? wanted : 'nl' };
}
