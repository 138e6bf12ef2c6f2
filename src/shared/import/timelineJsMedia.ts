// What a TimelineJS slide's media "url" holds. TimelineJS shows a picture, a video, a sound, a map
// or a page from an address, and shows anything that is not an address (a <blockquote>, plain
// words) as a quote. Frontline keeps an address as the event's media (shown as text, never loaded,
// and never the event's source) and a quote as the citation's quote.
import type { MediaKind } from '../dataset/schema';
import { looksLikeAddress, webAddress } from './cellText';
import { htmlToText } from './htmlText';

export type SlideMediaRead =
  | { readonly kind: 'none' }
  /** An http(s) address (a protocol-relative one read as https), with what it shows. */
  | { readonly kind: 'address'; readonly url: string; readonly mediaKind: MediaKind }
  /** Text TimelineJS shows as a quote, as plain text. */
  | { readonly kind: 'quote'; readonly text: string }
  /** An address that cannot be kept (another scheme, a path on someone's disk), or markup with no text (an embed). */
  | { readonly kind: 'unusable'; readonly raw: string; readonly why: string };

const IMAGE_EXTENSIONS = /\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif|heic)$/i;
const VIDEO_EXTENSIONS = /\.(?:mp4|m4v|webm|ogv|mov)$/i;
const AUDIO_EXTENSIONS = /\.(?:mp3|m4a|aac|wav|ogg|oga|opus|flac)$/i;
const DOCUMENT_EXTENSIONS = /\.(?:pdf|docx?|odt|rtf|xlsx?|ods|csv|pptx?|odp)$/i;

/** Hosts (without www.) whose pages are a given kind of media, as TimelineJS embeds them. */
const HOSTS: readonly (readonly [MediaKind, RegExp])[] = [
  ['video', /^(?:m\.)?(?:youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|player\.vimeo\.com|dailymotion\.com|dai\.ly|twitch\.tv|vine\.co|video\.twimg\.com)$/],
  ['audio', /^(?:soundcloud\.com|on\.soundcloud\.com|m\.soundcloud\.com|open\.spotify\.com|spotify\.com|mixcloud\.com|audioboom\.com)$/],
  ['image', /^(?:flickr\.com|flic\.kr|imgur\.com|i\.imgur\.com|upload\.wikimedia\.org|instagram\.com|instagr\.am|pbs\.twimg\.com)$/],
  ['map', /^(?:openstreetmap\.org|maps\.google\.[a-z.]+|maps\.app\.goo\.gl)$/],
  ['document', /^(?:docs\.google\.com|documentcloud\.org|scribd\.com|drive\.google\.com)$/]
];

/** What an http(s) address shows: by the host TimelineJS would embed it from, else by its file's extension. */
export function mediaKindOf(url: string): MediaKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'other';
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname;
  // Google Maps lives under google.<tld>/maps (and goo.gl/maps), not on a host of its own.
  if (/^google\.[a-z.]+$/.test(host) && /^\/maps(?:\/|$)/.test(path)) return 'map';
  if (host === 'goo.gl' && path.startsWith('/maps')) return 'map';
  if (host === 'bing.com' && path.startsWith('/maps')) return 'map';
  if (host === 'commons.wikimedia.org' && /\/wiki\/File:/i.test(path)) return 'image';
  for (const [kind, hosts] of HOSTS) if (hosts.test(host)) return kind;
  if (IMAGE_EXTENSIONS.test(path)) return 'image';
  if (VIDEO_EXTENSIONS.test(path)) return 'video';
  if (AUDIO_EXTENSIONS.test(path)) return 'audio';
  if (DOCUMENT_EXTENSIONS.test(path)) return 'document';
  return 'other';
}

/**
 * A slide's media "url" as TimelineJS reads it: markup (a <blockquote>) or words are a quote; an
 * address is media when it is http(s) (or //host, read as https); anything else cannot be kept.
 */
export function readSlideMedia(raw: unknown): SlideMediaRead {
  if (typeof raw !== 'string' || raw.trim() === '') return { kind: 'none' };
  const text = raw.trim();
  if (/^<[A-Za-z!]/.test(text)) {
    const plain = htmlToText(text).text;
    return plain !== '' ? { kind: 'quote', text: plain } : { kind: 'unusable', raw: text, why: 'is markup with no text in it (an embed), which Frontline does not show' };
  }
  const url = webAddress(text);
  if (url !== null) return { kind: 'address', url, mediaKind: mediaKindOf(url) };
  // One word with a dot or a slash ("photo.jpg", "images/map.png") is an address TimelineJS would
  // load relative to its page; anything else that is not an address is words, a quote.
  if (looksLikeAddress(text) || /^[^\s]*[./\\][^\s]*$/.test(text)) return { kind: 'unusable', raw: text, why: 'is not an http(s) web address' };
  return { kind: 'quote', text: htmlToText(text).text };
}
