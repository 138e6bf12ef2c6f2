// Aliases: the built-in data (every group sourced, no name in two groups, none too long, none that
// folds like a name of another group), and the table: names recognised by their letters written
// together (Bu Kamal, Deir Ezzor, Arabic script), acronyms by their letters, groups sharing a name
// joined, a dataset's other names and aliases added on top, names too widely shared left out.
import { describe, expect, it } from 'vitest';
import { ACTOR_ALIASES, COMPOUND_WORDS, PLACE_ALIASES } from './aliasData';
import { AliasTable, BUILT_IN_ALIASES, datasetAliases, MAX_ALIAS_WORDS, nameKey } from './aliases';
import { foldText } from './fold';
import { foldLinked } from './linkedWords';

const built = new AliasTable(BUILT_IN_ALIASES.map((g) => g.names));
/** The first name of the group the text names, or undefined. */
const named = (table: AliasTable, text: string): string[] => table.groupsOf(foldLinked(text).map((w) => w.word)).map((g) => table.names(g)[0]!.text);

describe('the built-in alias data', () => {
  it('names where every group is attested, and lists each name once', () => {
    const seen = new Map<string, string>();
    for (const g of [...ACTOR_ALIASES, ...PLACE_ALIASES]) {
      expect(g.source.length, g.names[0]).toBeGreaterThan(10);
      expect(g.names.length, g.names[0]).toBeGreaterThan(1);
      for (const name of g.names) {
        expect(seen.get(name), `${name} in ${g.names[0]} and ${seen.get(name)}`).toBeUndefined();
        seen.set(name, g.names[0]!);
        const words = foldLinked(name);
        expect(words.length, name).toBeGreaterThan(0);
        expect(words.length, name).toBeLessThanOrEqual(MAX_ALIAS_WORDS);
      }
    }
  });

  it('keeps every group apart: no name folds like a name of another group', () => {
    expect(built.size).toBe(BUILT_IN_ALIASES.length);
    for (const g of BUILT_IN_ALIASES) for (const name of g.names) expect(named(built, name), name).toEqual([g.names[0]]);
  });

  it('lists compounds as single lower-case words', () => {
    for (const c of COMPOUND_WORDS) expect(c).toMatch(/^[a-z]{6,}$/);
  });
});

describe('AliasTable', () => {
  it('recognises a name by its letters written together', () => {
    for (const q of ['Abu Kamal', 'Albu Kamal', 'Bukamal', 'Bu Kamal', 'Al Bukamal', 'البوكمال', 'ALBU KAMAL']) expect(named(built, q), q).toEqual(['Albu Kamal']);
    for (const q of ['Deir ez-Zor', 'Deir al-Zour', 'Dayr az Zawr', 'Deir-ez-Zor', 'Deir Ezzor', 'Deirezzor', 'دير الزور', 'Deir el-Zour']) expect(named(built, q), q).toEqual(['Deir ez-Zor']);
    for (const q of ['ISIS', 'isis', 'ISIL', 'Daesh', "Da'esh", 'داعش', 'Islamic State', 'IS', 'Islamic State of Iraq and the Levant']) expect(named(built, q), q).toEqual(['Islamic State']);
    for (const q of ['Tabqa', 'Al-Thawrah', 'الطبقة']) expect(named(built, q), q).toEqual(['Al-Thawrah']);
  });

  it('takes acronyms by their letters: IS is not "is", US or ISIS; a lower-case word of three letters may be one', () => {
    for (const q of ['is', 'Is', 'US', 'Islamic', 'State']) expect(named(built, q), q).toEqual([]);
    expect(named(built, 'pmu')).toEqual(['Popular Mobilization Forces']);
    expect(named(built, 'sdf')).toEqual(['Syrian Democratic Forces']);
    expect(named(built, 'qsd')).toEqual(['Syrian Democratic Forces']);
  });

  it('needs the vowels of a short name where they are: "drew" is not Daraa, دير is not درعا', () => {
    expect(named(built, 'Daraa')).toEqual(['Daraa']);
    expect(named(built, 'درعا')).toEqual(['Daraa']);
    for (const q of ['drew', 'Deir', 'دير', 'door']) expect(named(built, q), q).toEqual([]);
    expect(named(built, 'Hama')).toEqual([]);
    expect(nameKey(foldText('Raqqah')).key).toBe(nameKey(foldText('Rakka')).key);
  });

  it('joins groups that share a name, and adds a dataset\'s places and actors on top', () => {
    const table = datasetAliases({
      places: [
        { id: 'p1', name: 'Abu Kamal town', altNames: [{ name: 'Albu Kamal' }], kind: 'town', countries: ['SY'] },
        { id: 'p2', name: 'Hajin', altNames: [{ name: 'هجين' }], kind: 'town', countries: ['SY'] },
        { id: 'p3', name: 'Lonely', altNames: [], kind: 'town', countries: ['SY'] }
      ],
      actors: [{ id: 'a1', name: 'Jaysh al-Thuwar', aliases: ['Army of Revolutionaries'], kind: 'armed-group', backedBy: [], memberOf: [], countries: [] }]
    } as never);
    // Built-in Albu Kamal joined with the dataset's place that names it.
    expect(named(table, 'Abu Kamal town')).toEqual(['Albu Kamal']);
    expect(table.names(table.groupsOf(foldText('Bukamal'))[0]!).map((n) => n.text)).toContain('Abu Kamal town');
    expect(named(table, 'هجين')).toEqual(['Hajin']);
    expect(named(table, 'Army of Revolutionaries')).toEqual(['Jaysh al-Thuwar']);
    // A place without other names is no group.
    expect(named(table, 'Lonely')).toEqual([]);
    expect(table.size).toBe(BUILT_IN_ALIASES.length + 2);
  });

  it('does not join groups through a name many of them share', () => {
    const lists = Array.from({ length: 6 }, (_, k) => [`Group number ${k}`, 'Unknown']);
    const table = new AliasTable([...lists, ['Pair one', 'Pair two'], ['Pair two', 'Pair three']]);
    expect(named(table, 'Unknown')).toEqual([]);
    for (let k = 0; k < 6; k++) expect(named(table, `Group number ${k}`)).toEqual([`Group number ${k}`]);
    expect(named(table, 'Pair three')).toEqual(['Pair one']);
  });
});
