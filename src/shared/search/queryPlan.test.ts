// planQuery: names of alias groups become one term of all the group's names (longest name first,
// not across punctuation), two words that make a listed compound one term, a compound its splits
// into two neighbours the dataset has; the last word being typed gets completed.
import { describe, expect, it } from 'vitest';
import { AliasTable, BUILT_IN_ALIASES } from './aliases';
import { planQuery, type Lexicon, type QueryPlan } from './queryPlan';

const aliases = new AliasTable(BUILT_IN_ALIASES.map((g) => g.names));

/** A dataset that has these words, and these pairs of neighbours ("air strike"). */
function lexicon(pairs: readonly string[]): Lexicon {
  return { hasPair: (a, b) => pairs.includes(`${a} ${b}`) };
}

const none = lexicon([]);
/** Each term as its alternatives, each alternative its words' literals joined (pairs marked by "+"). */
const shape = (plan: QueryPlan): string[][] =>
  plan.terms.map((t) => t.alternatives.map((a) => (a.pairs.length > 0 ? a.words.map((w) => w.literal).join('+') : a.words[0]!.literal)));

describe('planQuery', () => {
  it('reads a name of an alias group as one term of all its names, whatever the spelling', () => {
    const isis = planQuery('ISIS', aliases, none);
    expect(isis.terms).toHaveLength(1);
    expect(isis.terms[0]!.aliases).toContain('Daesh');
    for (const q of ['ISIL', 'Daesh', 'داعش', 'Islamic State', 'islamic state', 'IS']) expect(shape(planQuery(q, aliases, none)), q).toEqual(shape(isis));
    // Names of several words are phrases: their words must be neighbours.
    expect(shape(isis)[0]).toContain('islamic+state');
    expect(shape(planQuery('Abu Kamal', aliases, none))).toEqual(shape(planQuery('البوكمال', aliases, none)));
  });

  it('takes the longest name, and words around it as terms of their own', () => {
    expect(shape(planQuery('Kataib Hezbollah', aliases, none))[0]).toContain('hezbollah+brigades');
    expect(shape(planQuery('Hezbollah', aliases, none))[0]).not.toContain('hezbollah+brigades');
    const plan = planQuery('clashes with Islamic State near Raqqa', aliases, none);
    expect(plan.terms.map((t) => t.typed)).toEqual(['clashes', 'with', 'Islamic State', 'near', 'Raqqa']);
    expect(planQuery('Deir ez-Zor', aliases, none).terms[0]!.typed).toBe('Deir ez-Zor');
    expect(plan.terms[4]!.aliases).toContain('الرقة');
    // Not across punctuation.
    expect(planQuery('Islamic, State', aliases, none).terms.map((t) => t.aliases)).toEqual([undefined, undefined]);
  });

  it('reads two words that make a compound as that word, or the two as neighbours', () => {
    const data = lexicon(['air strike', 'cease fire']);
    const airstrike = shape(planQuery('airstrike', aliases, data));
    expect(airstrike).toEqual([['airstrike', 'air+strike']]);
    expect(shape(planQuery('air strike', aliases, data))).toEqual(airstrike);
    expect(shape(planQuery('air-strike', aliases, data))).toEqual(airstrike);
    expect(shape(planQuery('Air Strikes', aliases, data))).toEqual([['airstrikes']]);
    expect(shape(planQuery('cease fire', aliases, data))).toEqual([['ceasefire', 'cease+fire']]);
    // Words that are no listed compound stay words, found anywhere.
    expect(shape(planQuery('shell fire', aliases, lexicon(['shell fire'])))).toEqual([['shell'], ['fire']]);
    expect(shape(planQuery('fled overnight', aliases, lexicon(['fled overnight'])))).toEqual([['fled'], ['overnight']]);
  });

  it('splits a listed compound in two only where the dataset has the halves as neighbours', () => {
    expect(shape(planQuery('counterattack', aliases, lexicon(['counter attack'])))).toEqual([['counterattack', 'counter+attack']]);
    expect(shape(planQuery('counterattacks', aliases, lexicon(['counter attacks'])))).toEqual([['counterattacks', 'counter+attacks']]);
    expect(shape(planQuery('counterattack', aliases, none))).toEqual([['counterattack']]);
    // Not a word that is no compound, whatever the dataset has.
    expect(shape(planQuery('often', aliases, lexicon(['of ten'])))).toEqual([['often']]);
    expect(shape(planQuery('nowhere', aliases, lexicon(['now here'])))).toEqual([['nowhere']]);
    // Split halves are matched by their letters as written.
    expect(planQuery('counterattack', aliases, lexicon(['counter attack'])).terms[0]!.alternatives[1]!.words.every((w) => w.literalOnly)).toBe(true);
  });

  it('completes the last word while it is typed: the words before it, each a term, and the word', () => {
    const plan = planQuery('Deir ez-Zor', aliases, none);
    expect(plan.terms).toHaveLength(1);
    expect(plan.typing?.word.literal).toBe('zor');
    expect(plan.typing?.before.map((t) => t.typed)).toEqual(['Deir']);
    expect(planQuery('Deir ez-Zor ', aliases, none).typing).toBeUndefined();
    expect(planQuery('Raqqa Deir al-Z', aliases, none).typing?.before.map((t) => t.typed)).toEqual(['Raqqa', 'Deir']);
    expect(planQuery('Dayr az-Za', aliases, none).typing?.word.open).toBe(true);
  });

  it('has no terms for a blank query, and keeps an article typed alone', () => {
    expect(planQuery('  , ', aliases, none).terms).toEqual([]);
    expect(shape(planQuery('al', aliases, none))).toEqual([['al']]);
  });
});
