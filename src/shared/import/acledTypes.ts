// ACLED's event and sub-event types (its codebook, 2019 on; and the event types of older files)
// onto Frontline's, with the part each side plays. Strategic developments stay strategic
// developments; only a transfer of territory without fighting is a capture. The table is data, so
// the README's table and a test can be checked against it.
import type { EventType } from '../dataset/eventTypes';
import { clip } from './importBuilder';
import type { EventActorRole } from './rowHelpers';

export type SideRoles = readonly [actor1: EventActorRole, actor2: EventActorRole];

export interface AcledTypeRow {
  readonly eventType: string;
  readonly subEventType: string;
  readonly type: EventType;
  /** Roles of the actor1 side and the actor2 side. */
  readonly roles: SideRoles;
}

const BOTH: SideRoles = ['participant', 'participant'];
const FIGHT: SideRoles = ['attacker', 'defender'];
const STRIKE: SideRoles = ['attacker', 'target'];
/** The side that takes over or sets up holds the place. */
const HOLD: SideRoles = ['holder', 'participant'];

/**
 * Every sub-event type of ACLED's codebook (2019 on; the 2023 and 2024 codebooks list the same 25),
 * under its event type, with the Frontline type and roles it becomes.
 */
export const ACLED_SUB_EVENT_TYPES: readonly AcledTypeRow[] = [
  { eventType: 'Battles', subEventType: 'Armed clash', type: 'clash', roles: BOTH },
  { eventType: 'Battles', subEventType: 'Government regains territory', type: 'capture', roles: FIGHT },
  { eventType: 'Battles', subEventType: 'Non-state actor overtakes territory', type: 'capture', roles: FIGHT },
  { eventType: 'Explosions/Remote violence', subEventType: 'Chemical weapon', type: 'attack', roles: STRIKE },
  { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', type: 'attack', roles: STRIKE },
  { eventType: 'Explosions/Remote violence', subEventType: 'Suicide bomb', type: 'attack', roles: STRIKE },
  { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack', type: 'attack', roles: STRIKE },
  { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED', type: 'attack', roles: STRIKE },
  { eventType: 'Explosions/Remote violence', subEventType: 'Grenade', type: 'attack', roles: STRIKE },
  { eventType: 'Violence against civilians', subEventType: 'Sexual violence', type: 'civilians', roles: STRIKE },
  { eventType: 'Violence against civilians', subEventType: 'Attack', type: 'civilians', roles: STRIKE },
  { eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance', type: 'civilians', roles: STRIKE },
  { eventType: 'Protests', subEventType: 'Peaceful protest', type: 'protest', roles: BOTH },
  { eventType: 'Protests', subEventType: 'Protest with intervention', type: 'protest', roles: BOTH },
  { eventType: 'Protests', subEventType: 'Excessive force against protesters', type: 'protest', roles: BOTH },
  { eventType: 'Riots', subEventType: 'Violent demonstration', type: 'protest', roles: BOTH },
  { eventType: 'Riots', subEventType: 'Mob violence', type: 'protest', roles: BOTH },
  { eventType: 'Strategic developments', subEventType: 'Agreement', type: 'development', roles: BOTH },
  { eventType: 'Strategic developments', subEventType: 'Arrests', type: 'development', roles: BOTH },
  { eventType: 'Strategic developments', subEventType: 'Change to group/activity', type: 'development', roles: BOTH },
  { eventType: 'Strategic developments', subEventType: 'Disrupted weapons use', type: 'development', roles: BOTH },
  { eventType: 'Strategic developments', subEventType: 'Headquarters or base established', type: 'development', roles: HOLD },
  { eventType: 'Strategic developments', subEventType: 'Looting/property destruction', type: 'development', roles: BOTH },
  // The codebook: an actor acquires control of a place without a violent interaction with
  // another group. A place taken, as Frontline's "capture" is, only without a fight.
  { eventType: 'Strategic developments', subEventType: 'Non-violent transfer of territory', type: 'capture', roles: HOLD },
  { eventType: 'Strategic developments', subEventType: 'Other', type: 'development', roles: BOTH }
];

/**
 * Event types, current and of files before 2019 (which had no sub-event types; some of their
 * event types are now sub-event types), for rows whose sub-event type is empty or unknown.
 */
export const ACLED_EVENT_TYPES: readonly { readonly eventType: string; readonly type: EventType; readonly roles: SideRoles }[] = [
  { eventType: 'Battles', type: 'clash', roles: BOTH },
  { eventType: 'Explosions/Remote violence', type: 'attack', roles: STRIKE },
  { eventType: 'Violence against civilians', type: 'civilians', roles: STRIKE },
  { eventType: 'Protests', type: 'protest', roles: BOTH },
  { eventType: 'Riots', type: 'protest', roles: BOTH },
  { eventType: 'Strategic developments', type: 'development', roles: BOTH },
  // Before 2019.
  { eventType: 'Battle', type: 'clash', roles: BOTH },
  { eventType: 'Battle-No change of territory', type: 'clash', roles: BOTH },
  { eventType: 'Battle-Government regains territory', type: 'capture', roles: FIGHT },
  { eventType: 'Battle-Non-state actor overtakes territory', type: 'capture', roles: FIGHT },
  { eventType: 'Remote violence', type: 'attack', roles: STRIKE },
  { eventType: 'Riots/Protests', type: 'protest', roles: BOTH },
  { eventType: 'Strategic development', type: 'development', roles: BOTH },
  { eventType: 'Headquarters or base established', type: 'development', roles: HOLD },
  { eventType: 'Non-violent transfer of territory', type: 'capture', roles: HOLD }
];

/** A type name as a lookup key: lower case, one space, hyphens and dashes without spaces around. */
function normaliseType(text: string): string {
  return text.toLowerCase().replace(/\s*[-\u2010-\u2015]\s*/g, '-').replace(/\s+/g, ' ').trim();
}

/** Spellings ACLED's own files and tools use besides the codebook's. */
const SUB_EVENT_ALIASES: Readonly<Record<string, string>> = {
  'excessive force against protestors': 'excessive force against protesters'
};

const BY_SUB_EVENT = new Map(ACLED_SUB_EVENT_TYPES.map((r) => [normaliseType(r.subEventType), r]));
const BY_EVENT = new Map(ACLED_EVENT_TYPES.map((r) => [normaliseType(r.eventType), r]));

export interface TypeMapping {
  readonly type: EventType;
  readonly roles: SideRoles;
  /** ACLED's classification kept as a tag: "acled: Battles / Armed clash". */
  readonly tag: string;
  /** The words a title starts with. */
  readonly words: string;
  /** Whether ACLED's codebook (or an older file's event types) knows the type. */
  readonly known: boolean;
}

/** The Frontline type of a row's event_type and sub_event_type: by the sub-event type first. */
export function mapAcledType(eventType: string, subType: string): TypeMapping {
  const sub = normaliseType(subType);
  const row = sub === '' ? undefined : (BY_SUB_EVENT.get(sub) ?? BY_SUB_EVENT.get(SUB_EVENT_ALIASES[sub] ?? ''));
  const found = row ?? BY_EVENT.get(normaliseType(eventType));
  return {
    type: found?.type ?? 'other',
    roles: found?.roles ?? BOTH,
    tag: clip(subType !== '' ? `acled: ${eventType} / ${subType}` : `acled: ${eventType}`, 500),
    words: subType !== '' ? subType : eventType,
    known: found !== undefined
  };
}
