// Figures written the same way everywhere (timeline, detail panel, exports) so a reader can compare
// them: the source's qualifier, a grouped number, then what it counts.
import type { Figure } from './schema';

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** Numbers already written: the same few values (fatalities, mostly) recur over thousands of events. */
const written = new Map<number, string>();
const MAX_WRITTEN = 4096;

function groupedNumber(v: number): string {
  // A Map holds -0 and 0 as one key; Intl writes them apart.
  if (Object.is(v, -0)) return grouped.format(v);
  let text = written.get(v);
  if (text === undefined) {
    text = grouped.format(v);
    if (written.size < MAX_WRITTEN) written.set(v, text);
  }
  return text;
}

/** Units written with the number itself ("95%", "12 km"), so not again after it. */
function unitInNumber(unit: string): boolean {
  return ['percent', '%', 'km', 'kilometres', 'kilometers'].includes(unit.toLowerCase());
}

/** "350,000", "4.4 million", "95%", or the source's words when it gave no number. */
export function formatFigureNumber(f: Pick<Figure, 'value' | 'unit' | 'asWritten'>): string {
  if (f.value === null) return f.asWritten;
  const v = f.value;
  const abs = Math.abs(v);
  let n: string;
  if (abs >= 1_000_000 && abs % 100_000 === 0) {
    n = `${groupedNumber(v / 1_000_000)} million`;
  } else {
    n = groupedNumber(v);
  }
  const unit = f.unit.toLowerCase();
  if (unit === 'percent' || unit === '%') return `${n}%`;
  if (unit === 'km' || unit === 'kilometres' || unit === 'kilometers') return `${n} km`;
  return n;
}

/** Lower-case qualifier as it reads before a number ("some", "about", "more than"). */
export function figureQualifier(f: Pick<Figure, 'qualifier' | 'bound'>): string {
  if (f.qualifier) return f.qualifier.toLowerCase();
  switch (f.bound) {
    case 'approximate':
      return 'about';
    case 'at-least':
      return 'at least';
    case 'at-most':
      return 'at most';
    default:
      return '';
  }
}

/** Short text for the timeline: "some 350,000 displaced", "about 1,500 IS fighters left". */
export function figureLabel(f: Figure): string {
  if (f.value === null) return f.asWritten;
  const words = f.label ?? (unitInNumber(f.unit) ? '' : f.unit);
  const parts = [figureQualifier(f), formatFigureNumber(f), words].filter((p) => p.length > 0);
  return parts.join(' ');
}
