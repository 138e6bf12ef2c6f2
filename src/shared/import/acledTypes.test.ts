// ACLED's event and sub-event types onto Frontline's: every sub-event type of ACLED's codebook is in
// the table (ACLED_SUB_EVENT_TYPES), strategic developments stay strategic developments, and the
// ACLED type is kept as a tag.
import { describe, expect, it } from 'vitest';
import { importFixture as fixture, expectImported as imported } from '../../../tests/support/importFixtures';
import { ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES, mapAcledType } from './acledTypes';
import { importText } from './importText';

/**
 * The sub-event types of ACLED's codebook (2019 on; the 2023 and 2024 codebooks list these 25), by
 * event type, as ACLED spells them.
 */
const CODEBOOK: Readonly<Record<string, readonly string[]>> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other'
  ]
};

describe('ACLED_SUB_EVENT_TYPES', () => {
  it('maps every sub-event type of the codebook, under its event type, and nothing else', () => {
    const table = ACLED_SUB_EVENT_TYPES.map((r) => `${r.eventType} / ${r.subEventType}`);
    const codebook = Object.entries(CODEBOOK).flatMap(([type, subs]) => subs.map((sub) => `${type} / ${sub}`));
    expect(table).toHaveLength(25);
    expect([...table].sort()).toEqual([...codebook].sort());
  });

  it('keeps every type of violence, protest and development its own: strategic developments stay developments', () => {
    const typeOf = (sub: string) => ACLED_SUB_EVENT_TYPES.find((r) => r.subEventType === sub)!.type;
    for (const sub of CODEBOOK.Battles!) expect(['clash', 'capture']).toContain(typeOf(sub));
    for (const sub of CODEBOOK['Explosions/Remote violence']!) expect(typeOf(sub)).toBe('attack');
    for (const sub of CODEBOOK['Violence against civilians']!) expect(typeOf(sub)).toBe('civilians');
    for (const sub of [...CODEBOOK.Protests!, ...CODEBOOK.Riots!]) expect(typeOf(sub)).toBe('protest');
    // A transfer of territory without a fight is a place taken; every other development stays one.
    for (const sub of CODEBOOK['Strategic developments']!) expect(typeOf(sub)).toBe(sub === 'Non-violent transfer of territory' ? 'capture' : 'development');
    expect(ACLED_SUB_EVENT_TYPES.some((r) => r.type === 'statement')).toBe(false);
    expect(ACLED_EVENT_TYPES.some((r) => r.type === 'statement' || r.type === 'control')).toBe(false);
  });

  it('reads the type names however a re-save spaced or cased them, and "protestors" as ACLED\'s tools spell it', () => {
    expect(mapAcledType('Protests', 'Excessive force against protestors')).toMatchObject({ type: 'protest', known: true });
    expect(mapAcledType('strategic developments', 'change to group/activity')).toMatchObject({ type: 'development', known: true });
    expect(mapAcledType('Battle - Government regains territory', '')).toMatchObject({ type: 'capture', roles: ['attacker', 'defender'] });
    // A sub-event type ACLED may add later is typed by its event type; both unknown: "other".
    expect(mapAcledType('Battles', 'Something new')).toMatchObject({ type: 'clash', known: true, tag: 'acled: Battles / Something new' });
    expect(mapAcledType('Sports event', 'Football match')).toMatchObject({ type: 'other', known: false });
  });
});

describe('ACLED: a file with every sub-event type', () => {
  const r = imported(importText(fixture('acled-sub-event-types.csv'), 'acled-sub-event-types.csv'));

  it('types each row by the codebook table and keeps ACLED\'s type as its first tag', () => {
    expect(r.problems).toEqual([]);
    expect(r.dataset.events.map((e) => [e.tags![0], e.type, e.actors!.map((a) => a.role).join('/')])).toEqual(
      ACLED_SUB_EVENT_TYPES.map((t) => [`acled: ${t.eventType} / ${t.subEventType}`, t.type, t.roles.join('/')])
    );
  });

  it('makes patrols, curfews, truces, new fortifications, defections and surrenders developments, not statements or claims', () => {
    const bySub = (sub: string) => r.dataset.events.find((e) => e.tags![0]!.endsWith(` / ${sub}`))!;
    for (const sub of ['Change to group/activity', 'Agreement', 'Headquarters or base established', 'Other']) {
      expect(bySub(sub).type, sub).toBe('development');
      expect(bySub(sub).title.startsWith(sub)).toBe(true);
    }
    expect(r.dataset.events.filter((e) => e.type === 'statement')).toEqual([]);
  });
});

describe('ACLED: event types in rows', () => {
  it('maps every event and sub-event type, current and old, onto the closest app type', () => {
    const cases: [string, string, string, string][] = [
      ['Battles', 'Armed clash', 'clash', 'participant/participant'],
      ['Battles', 'Government regains territory', 'capture', 'attacker/defender'],
      ['Battles', 'Non-state actor overtakes territory', 'capture', 'attacker/defender'],
      ['Explosions/Remote violence', 'Chemical weapon', 'attack', 'attacker/target'],
      ['Explosions/Remote violence', 'Air/drone strike', 'attack', 'attacker/target'],
      ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 'attack', 'attacker/target'],
      ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 'attack', 'attacker/target'],
      ['Violence against civilians', 'Sexual violence', 'civilians', 'attacker/target'],
      ['Violence against civilians', 'Abduction/forced disappearance', 'civilians', 'attacker/target'],
      ['Protests', 'Excessive force against protesters', 'protest', 'participant/participant'],
      ['Riots', 'Mob violence', 'protest', 'participant/participant'],
      ['Strategic developments', 'Agreement', 'development', 'participant/participant'],
      ['Strategic developments', 'Change to group/activity', 'development', 'participant/participant'],
      ['Strategic developments', 'Headquarters or base established', 'development', 'holder/participant'],
      ['Strategic developments', 'Non-violent transfer of territory', 'capture', 'holder/participant'],
      ['Strategic developments', 'Arrests', 'development', 'participant/participant'],
      ['Strategic developments', 'Disrupted weapons use', 'development', 'participant/participant'],
      ['Strategic developments', 'Looting/property destruction', 'development', 'participant/participant'],
      ['Strategic developments', 'Other', 'development', 'participant/participant'],
      ['Battle-No change of territory', '', 'clash', 'participant/participant'],
      ['Battle - Government regains territory', '', 'capture', 'attacker/defender'],
      ['Strategic development', '', 'development', 'participant/participant'],
      ['Headquarters or base established', '', 'development', 'holder/participant'],
      ['Violence against civilians', '', 'civilians', 'attacker/target']
    ];
    const header = fixture('acled-current.csv').split('\n')[0];
    const rows = cases.map(([type, sub], i) => `T${i},2017-11-03,2017,1,,${type},${sub},A,,1,B,,2,12,,760,,Syria,Deir ez-Zor,,,X,35.3,40.1,1,S,,,0,,`);
    const r = imported(importText([header, ...rows].join('\n'), 'types.csv'));
    expect(r.problems).toEqual([]);
    expect(r.dataset.events.map((e) => [e.tags![0], e.type, e.actors!.map((a) => a.role).join('/')])).toEqual(
      cases.map(([type, sub, app, roles]) => [sub ? `acled: ${type} / ${sub}` : `acled: ${type}`, app, roles])
    );
  });
});
