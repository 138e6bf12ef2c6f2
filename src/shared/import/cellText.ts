// Text and web addresses in cells, read alike by the generic CSV and TimelineJS importers: one line
// of text, and an address kept only when it is http(s) (a protocol-relative //host/path is https).
import { safeExternalUrl } from '../text/safeUrl';

/** One line of text: runs of white space (line breaks included) as one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * An address from a file as one the app may keep, or null. http(s) only (see safeExternalUrl); a
 * protocol-relative address (//host/path), which web pages such as TimelineJS's write to mean
 * "the page's own scheme", is read as https: every page that shows such files is served over https.
 */
export function webAddress(raw: string): string | null {
  const text = raw.trim();
  if (/^\/\/[^/\\]/.test(text)) return safeExternalUrl(`https:${text}`);
  return safeExternalUrl(text);
}

/** Does this text look meant as an address (a scheme, //host, www.)? Then one that cannot be kept is worth a warning. */
export function looksLikeAddress(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:|^\/\/|^\\\\|^www\./i.test(text.trim());
}

/** The host of an address without "www." ("bbc.com"), for a publisher's name; the address itself if it has none. */
export function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
