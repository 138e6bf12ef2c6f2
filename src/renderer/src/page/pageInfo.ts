// What the interactive page says about itself (its description block), kept for its "Page" menu.
// Set once by the page's entry; undefined in the app.
import type { PageMeta } from '../../../shared/export/interactivePage';

let info: PageMeta | undefined;

export function setPageInfo(meta: PageMeta | undefined): void {
  info = meta;
}

export function pageInfo(): PageMeta | undefined {
  return info;
}

/** "Made with Frontline 0.1.0 on 7 December 2026 from deir-al-zour.frontline: 12 of its 23 events (those shown then)." */
export function describePage(meta: PageMeta): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const day = /^\d{4}-\d{2}-\d{2}/.test(meta.made) ? new Date(meta.made.slice(0, 10) + 'T00:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : meta.made;
  const held = meta.what === 'all' ? `all its ${n(meta.ofEvents)} events` : `${n(meta.events)} of its ${n(meta.ofEvents)} events (those shown then)`;
  return `Made with ${meta.madeWith} on ${day} from ${meta.fileName}: ${held}.`;
}
