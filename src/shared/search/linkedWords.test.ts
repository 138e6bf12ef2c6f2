// linkedWords: the words of a text are those foldText gives, each with where its chunk lies and how
// it is linked to the word before (neighbour, alternative after a slash, or cut off by punctuation);
// pairs of neighbours follow from the links.
import { describe, expect, it } from 'vitest';
import { foldText } from './fold';
import { foldLinked, LINK_BREAK, LINK_NEXT, LINK_SLASH, MAX_ALTERNATIVES, pairsOf } from './linkedWords';

const literalPairs = (text: string): string[] => {
  const words = foldLinked(text);
  return pairsOf(words).map(([a, b]) => `${words[a]!.word.literal} ${words[b]!.word.literal}`);
};

describe('foldLinked', () => {
  it('gives the words foldText gives', () => {
    for (const text of ["IS's fighters and the US-led coalition", 'ALL CAPS: IS IN DEIR EZ-ZOR', 'About 1,500 fighters; 2,000,000 displaced', 'دير الزور والرقة', "Ra's al-Ain", 'naïve café in Ḥalab', 'ﬁre at ﷲ and ½ past', 'IS']) {
      expect(foldLinked(text).map((w) => w.word), text).toEqual(foldText(text));
    }
  });

  it('links neighbours across spaces, hyphens and dropped articles; punctuation cuts them off', () => {
    const words = foldLinked('Deir ez-Zor, Raqqa (Syria)');
    expect(words.map((w) => [w.word.literal, w.link])).toEqual([
      ['deir', LINK_BREAK],
      ['zor', LINK_NEXT],
      ['raqqa', LINK_BREAK],
      ['syria', LINK_BREAK]
    ]);
    expect(literalPairs('Deir ez-Zor, Raqqa (Syria)')).toEqual(['deir zor']);
    expect(literalPairs('air strike. Strike air')).toEqual(['air strike', 'strike air']);
    expect(literalPairs('cease-fire; ceasefire')).toEqual(['cease fire']);
  });

  it('gives where each word\'s chunk lies in the text', () => {
    const text = 'On 3 Nov, IS’s fighters left دير الزور.';
    for (const w of foldLinked(text)) expect(foldText(text.slice(w.start, w.end)).map((x) => x.literal)).toContain(w.word.literal);
    expect(foldLinked(text).map((w) => text.slice(w.start, w.end))).toEqual(['On', '3', 'Nov', 'IS’s', 'fighters', 'left', 'دير', 'الزور']);
  });

  it('makes the words around a slash alternatives: both are neighbours of the next word', () => {
    const words = foldLinked('Air/drone strike in Raqqa');
    expect(words.map((w) => w.link)).toEqual([LINK_BREAK, LINK_SLASH, LINK_NEXT, LINK_NEXT, LINK_NEXT]);
    expect(literalPairs('Air/drone strike')).toEqual(['air strike', 'drone strike']);
    expect(literalPairs('heavy air/drone strike')).toEqual(['heavy air', 'heavy drone', 'air strike', 'drone strike']);
    // A long run of slashes keeps MAX_ALTERNATIVES words for the next one.
    const many = Array.from({ length: 20 }, (_, k) => `w${k}`).join('/');
    expect(literalPairs(`${many} end`)).toHaveLength(MAX_ALTERNATIVES);
  });

  it('keeps thousands together and a comma between words as a cut', () => {
    expect(foldLinked('about 1,500 fighters').map((w) => [w.word.literal, w.link])).toEqual([
      ['about', LINK_BREAK],
      ['1500', LINK_NEXT],
      ['fighters', LINK_NEXT]
    ]);
  });

  it('takes short capitals as acronyms as foldText does, or as told', () => {
    expect(foldLinked('IS fighters')[0]!.word.skeleton).toBe('');
    expect(foldLinked('IS FIGHTERS')[0]!.word.skeleton).toBe('_s');
    expect(foldLinked('IS FIGHTERS', true)[0]!.word.skeleton).toBe('');
  });
});
