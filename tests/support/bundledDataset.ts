// The bundled dataset's size as its file states it, so tests that load, save or export the whole
// dataset follow the file instead of a count copied from it (which goes stale when an event is added).
import { readFileSync } from 'node:fs';

const BUNDLED_URL = new URL('../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url);

interface DatePoint {
  value: string;
}

const bundled = JSON.parse(readFileSync(BUNDLED_URL, 'utf8')) as { events: { start: DatePoint; end?: DatePoint }[]; links?: unknown[] };

/** How many events the bundled dataset's file holds. */
export const BUNDLED_EVENT_COUNT: number = bundled.events.length;

/** How many links the bundled dataset's file holds. */
export const BUNDLED_LINK_COUNT: number = bundled.links?.length ?? 0;

/**
 * How many of its events reach into 2017 (their end, or their start when they have none, is in 2017
 * or later): those a picture of 2017 labels. All but the 1916 agreement and the BBC's January 2015 map.
 */
export const BUNDLED_EVENTS_IN_2017: number = bundled.events.filter((e) => Number((e.end ?? e.start).value.slice(0, 4)) >= 2017).length;
