// The only gate a dataset URL passes before anyone may open it: http(s) with a host, nothing else.
// Rejects javascript:, data:, file:, vbscript:, UNC paths, and addresses padded with controls.

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/** Returns the normalised URL when it is safe to hand to the OS browser, otherwise null. */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return null;
  // No leading/trailing whitespace or control characters: WHATWG URL parsing strips them silently,
  // which is how "\u0001javascript:" style tricks get past naive prefix checks.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/.test(raw)) return null;
  if (raw.startsWith('\\\\') || raw.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}
