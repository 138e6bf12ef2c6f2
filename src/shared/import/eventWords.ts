// Words in a file's own cells made into what Frontline needs: an event type from words ("Battles"
// → clash), a title from the first words of a text, a dataset title from a file's name. Shared by
// the generic CSV and TimelineJS importers.
import { EVENT_TYPE_STYLES, EVENT_TYPES, type EventType } from '../dataset/eventTypes';
import { clip } from '../text/clip';

/** Words that name a type, tried in this order (the first rule with a matching word wins). */
const TYPE_WORDS: readonly (readonly [EventType, readonly string[]])[] = [
  ['displacement', ['displaced', 'displacement', 'displacements', 'refugee', 'refugees', 'idp', 'idps', 'fled', 'flee', 'fleeing', 'exodus', 'evacuation', 'evacuated']],
  ['civilians', ['civilian', 'civilians', 'massacre', 'massacres', 'execution', 'executions', 'executed']],
  ['capture', ['capture', 'captured', 'captures', 'seize', 'seized', 'seizes', 'took', 'taken', 'takes', 'retake', 'retook', 'retaken', 'recapture', 'recaptured', 'liberated', 'liberation', 'fell', 'fall']],
  ['offensive', ['offensive', 'offensives', 'assault', 'assaults', 'operation', 'operations', 'campaign', 'advance', 'advances', 'push']],
  ['clash', ['clash', 'clashes', 'battle', 'battles', 'fighting', 'combat', 'firefight', 'skirmish', 'skirmishes']],
  ['attack', ['attack', 'attacks', 'airstrike', 'airstrikes', 'strike', 'strikes', 'shelling', 'bombing', 'bombings', 'bombardment', 'explosion', 'explosions', 'remote', 'drone', 'missile', 'missiles', 'rocket', 'rockets', 'ied']],
  ['control', ['control', 'controlled', 'held', 'holds', 'territory', 'territorial', 'siege', 'besieged', 'occupation', 'occupied', 'frontline', 'front']],
  ['protest', ['protest', 'protests', 'riot', 'riots', 'demonstration', 'demonstrations', 'rally', 'rallies']],
  ['statement', ['statement', 'statements', 'claim', 'claims', 'claimed', 'announce', 'announced', 'announcement', 'declared', 'declaration', 'speech', 'said', 'says']],
  ['development', ['development', 'developments', 'agreement', 'ceasefire', 'truce', 'deal', 'talks', 'negotiation', 'negotiations', 'arrest', 'arrests', 'arrested']],
  ['context', ['context', 'background', 'history', 'historical']]
];

/** Type keys, labels and plurals ("clash", "Armed clash", "Armed clashes"), lower case. */
export const TYPE_BY_NAME: ReadonlyMap<string, EventType> = new Map(
  EVENT_TYPES.flatMap((t): [string, EventType][] => [
    [t, t],
    [EVENT_TYPE_STYLES[t].label.toLowerCase(), t],
    [EVENT_TYPE_STYLES[t].plural.toLowerCase(), t]
  ])
);

/**
 * The event type some words name: a type key or its label ("clash", "Armed clash",
 * "Remote violence") exactly, else the first rule in TYPE_WORDS with a word in the text
 * ("Battles" → clash, "Territory held" → control). Undefined when nothing matches.
 */
export function typeFromWords(text: string): EventType | undefined {
  const folded = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (folded === '') return undefined;
  const exact = TYPE_BY_NAME.get(folded);
  if (exact) return exact;
  const words = new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));
  for (const [type, list] of TYPE_WORDS) if (list.some((w) => words.has(w))) return type;
  return undefined;
}

/** The first words of a text as a title: at most `maxWords` words and `maxChars` characters, "…" when cut. */
export function firstWords(text: string, maxWords = 12, maxChars = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const words = flat.split(' ');
  let out = words.slice(0, maxWords).join(' ');
  if (out.length > maxChars) out = clip(out, maxChars);
  else if (out.length < flat.length) out = `${out.replace(/[\s,;:.\-–—]+$/, '')}…`;
  return out;
}

/** The file's name without folders and extension, as a dataset title. */
export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const bare = name.replace(/\.[A-Za-z0-9]{1,8}$/, '').trim();
  return bare === '' ? name || 'Imported events' : bare;
}
