// fold: the spellings of one place fold alike (transliterations, hyphens, articles, Arabic script),
// different places do not (Iraq/Raqqa, Mosul/Manbij, Qaim/Kamal), type-ahead prefixes match,
// acronyms keep their letters, and a blank query is told apart.
import { describe, expect, it } from 'vitest';
import { compileQuery, foldText, isBlankQuery, isOpenWord, isShortSkeleton, matchesText, shapeOf, skeletonOf, wordMatches } from './fold';

const DEIR = ['Deir al-Zour', 'Deir ez-Zor', 'Dayr az Zawr', 'Deir-ez-Zor', 'دير الزور'];

describe('foldText', () => {
  it('folds every spelling of Deir al-Zour to the skeletons dr zr', () => {
    for (const s of DEIR) expect(foldText(s).map((w) => w.skeleton), s).toEqual(['dr', 'zr']);
  });

  it('keeps each word\'s literal form (lower case, no marks, Arabic transliterated)', () => {
    expect(foldText('Deir al-Zour')).toEqual([
      { literal: 'deir', skeleton: 'dr' },
      { literal: 'zour', skeleton: 'zr' }
    ]);
    expect(foldText('دير الزور').map((w) => w.literal)).toEqual(['dir', 'zur']);
    expect(foldText("al-Qa'im").map((w) => w.literal)).toEqual(['qaim']);
    expect(foldText('القائم').map((w) => w.literal)).toEqual(['qaim']);
  });

  it('drops diacritics, ʿayn and hamza marks, apostrophes and hyphens', () => {
    expect(foldText('Ḥalab ʿIrāq Qaʾim Dayr az-Zawr').map((w) => w.literal)).toEqual(['halab', 'iraq', 'qaim', 'dayr', 'zawr']);
    expect(foldText('Qa’im Qa`im Qa\'im').map((w) => w.literal)).toEqual(['qaim', 'qaim', 'qaim']);
    expect(foldText('Šām Ḫalīl').map((w) => w.literal)).toEqual(['sham', 'khalil']);
  });

  it('drops the Arabic article in its Latin forms, alone or hyphenated, and ال on Arabic words', () => {
    for (const article of ['al', 'el', 'ez', 'az', 'ad', 'ash', 'as', 'at', 'ar', 'an', 'es', 'et', 'ed', 'adh']) {
      expect(foldText(`${article}-Raqqa`).map((w) => w.skeleton), article).toEqual(['rk']);
      expect(foldText(`${article} Raqqa`).map((w) => w.skeleton), article).toEqual(['rk']);
    }
    expect(foldText('الرقة').map((w) => w.skeleton)).toEqual(['rk']);
    expect(foldText('والرقة').map((w) => w.skeleton)).toEqual(['rk']);
    // Words that merely start like the article keep it.
    expect(foldText('Albu Kamal').map((w) => w.literal)).toEqual(['albu', 'kamal']);
  });

  it('normalises Arabic script: tashkeel, tatweel, alef forms, ta marbuta, alef maqsura', () => {
    const plain = foldText('دير الزور');
    expect(foldText('دَيْرُ الزَّوْرِ')).toEqual(plain);
    expect(foldText('ديـــر الزور')).toEqual(plain);
    expect(foldText('أحمد')).toEqual(foldText('احمد'));
    expect(foldText('إدلب')).toEqual(foldText('ادلب'));
    expect(foldText('آمرلي')).toEqual(foldText('امرلي'));
    expect(foldText('الرقه')).toEqual(foldText('الرقة'));
    expect(foldText('مصطفى')[0]!.skeleton).toBe(foldText('مصطفا')[0]!.skeleton);
    expect(foldText('٢٠١٧ ۲۰۱۷').map((w) => w.literal)).toEqual(['2017', '2017']);
  });

  it('joins thousands separators so a number is one word', () => {
    expect(foldText('About 1,500 IS fighters, 2,000,000 people; 3,14').map((w) => w.literal)).toEqual(['about', '1500', 'is', 'fighters', '2000000', 'people', '3', '14']);
  });
});

describe('skeletonOf', () => {
  it.each([
    ['deir', 'dr'],
    ['dayr', 'dr'],
    ['zawr', 'zr'],
    ['zour', 'zr'],
    ['iraq', '_rk'],
    ['raqqa', 'rk'],
    ['raqqah', 'rk'],
    ['huwayjah', 'hj'],
    ['hawija', 'hj'],
    ['yarmouk', 'yrmk'],
    ['idlib', '_dlb'],
    ['edlib', '_dlb'],
    ['1500', '1500'],
    ['ayo', '_']
  ])('%s → %s', (literal, skeleton) => {
    expect(skeletonOf(literal)).toBe(skeleton);
  });
});

describe('matching', () => {
  it('finds each spelling of Deir al-Zour with every other (Arabic included)', () => {
    for (const q of DEIR) for (const t of DEIR) expect(matchesText(q, t), `${q} in ${t}`).toBe(true);
  });

  it('finds al-Qaim as Al Qa\'im and القائم', () => {
    const forms = ['al-Qaim', "Al Qa'im", 'القائم', 'Qaim'];
    for (const q of forms) for (const t of forms) expect(matchesText(q, t), `${q} in ${t}`).toBe(true);
  });

  it('keeps Iraq and Raqqa apart: the word-initial vowel is kept', () => {
    expect(foldText('Iraq')[0]!.skeleton).toBe('_rk');
    expect(foldText('Raqqa')[0]!.skeleton).toBe('rk');
    expect(matchesText('Raqqa', 'Iraq')).toBe(false);
    expect(matchesText('Iraq', 'Raqqa')).toBe(false);
    expect(matchesText('Raqqa', 'العراق')).toBe(false);
    expect(matchesText('Iraq', 'الرقة')).toBe(false);
    // ...while the spellings of each still meet.
    expect(matchesText('Iraq', 'العراق')).toBe(true);
    expect(matchesText('Raqqah', 'Raqqa')).toBe(true);
    expect(matchesText('Raqqa', 'الرقة')).toBe(true);
  });

  it('keeps different places apart', () => {
    expect(matchesText('Mosul', 'Manbij')).toBe(false);
    expect(matchesText('Manbij', 'Mosul')).toBe(false);
    expect(matchesText('Mosul', 'الموصل')).toBe(true);
    // Skeletons match whole words only: Qaim (km) is not the start of Kamal (kml).
    expect(matchesText('al-Qaim', 'Albu Kamal')).toBe(false);
    expect(matchesText('Deir al-Zour', 'Deir Hafer')).toBe(false);
  });

  it('matches a query word that starts a text word (type-ahead)', () => {
    for (const q of ['Deir al-Z', 'Deir al-Zo', 'Deir ez-', 'Dei', 'deir AL-zou', 'دير الز']) expect(matchesText(q, 'Deir al-Zour'), q).toBe(true);
    expect(matchesText('Euphr', 'the Euphrates river')).toBe(true);
    expect(matchesText('Deir al-Zx', 'Deir al-Zour')).toBe(false);
  });

  it('lets a word being typed that ends in a vowel find other vowels (its shape)', () => {
    expect(shapeOf('zour')).toBe('zar');
    expect(shapeOf('zawr')).toBe('zar');
    expect(shapeOf('za')).toBe('za');
    expect(shapeOf('iraq')).toBe('_rak');
    expect(isOpenWord('za')).toBe(true);
    expect(isOpenWord('zaw')).toBe(true);
    expect(isOpenWord('qaim')).toBe(false);
    for (const t of ['Deir ez-Zor', 'Deir al-Zour', 'دير الزور']) expect(matchesText('Dayr az-Za', t), t).toBe(true);
    expect(matchesText('Deir al-Zo', 'Dayr az Zawr')).toBe(true);
    // Only while it ends in a vowel: a whole word matches by its skeleton, never by a prefix of it.
    expect(matchesText('al-Qa', 'Albu Kamal')).toBe(true);
    expect(matchesText('al-Qaim', 'Albu Kamal')).toBe(false);
    expect(matchesText('Raqqa', 'Iraq')).toBe(false);
    // Acronyms are matched by their letters only.
    expect(matchesText('i', 'US-led')).toBe(false);
    // Only the last word, while being typed: not a word followed by others, nor one followed by a space.
    expect(compileQuery('Dayr az-Za').words.map((w) => w.open)).toEqual([false, true]);
    expect(matchesText('Dayr az-Za ', 'Deir ez-Zor')).toBe(false);
    expect(matchesText('Za Deir', 'Deir ez-Zor')).toBe(false);
    expect(matchesText('Sy', 'said')).toBe(true);
    expect(matchesText('SY Dist', 'said Dist.')).toBe(false);
    expect(compileQuery('Deir al').words).toEqual([{ literal: 'deir', skeleton: 'dr', open: false }]);
  });

  it('needs the vowels of a short skeleton where the other word has them: Deir is not "drew" or Daraa', () => {
    expect(isShortSkeleton('dr')).toBe(true);
    expect(isShortSkeleton('_rk')).toBe(true);
    expect(isShortSkeleton('msl')).toBe(false);
    for (const t of ['Deir', 'Dayr', 'Dair', 'Deyr', 'دير', 'Deir-ez-Zor']) expect(matchesText('Deir', t), t).toBe(true);
    for (const t of ['He drew the line', 'Daraa', 'a dry season', 'dire']) expect(matchesText('Deir', t), t).toBe(false);
    // Arabic script leaves short vowels out: its vowels must be among the other's, not equal to them.
    for (const t of ['Raqqa', 'Raqqah', 'Rakka', 'ar-Raqqa']) {
      expect(matchesText('الرقة', t), t).toBe(true);
      expect(matchesText(t, 'الرقة'), t).toBe(true);
    }
    expect(matchesText('دير', 'He drew the line')).toBe(false);
    expect(matchesText('حماة', 'Hama')).toBe(true);
    expect(matchesText('Hamah', 'Hama')).toBe(true);
    // Longer skeletons still meet whatever the vowels: Mosul / Mawsil, Tabqa / Tabaqah.
    expect(matchesText('Mosul', 'Mawsil')).toBe(true);
    expect(matchesText('Tabqa', 'Tabaqah')).toBe(true);
  });

  it('needs every query word, in any order, anywhere in the texts', () => {
    expect(matchesText('Zour Deir', 'Deir al-Zour')).toBe(true);
    expect(matchesText('Deir Raqqa', 'Deir al-Zour')).toBe(false);
    expect(matchesText('Syrian Raqqa', 'Syrian army', 'Raqqa')).toBe(true);
  });

  it('takes short capital words as acronyms: IS is not US', () => {
    expect(matchesText('IS', 'US-led coalition')).toBe(false);
    expect(matchesText('US', 'IS fighters')).toBe(false);
    expect(matchesText('IS', "IS's territorial ambitions")).toBe(true);
    expect(matchesText('is', 'IS fighters')).toBe(true);
    expect(matchesText('Islamic', 'Islamic State (IS)')).toBe(true);
  });

  it('folds a text written in capitals as words, not acronyms', () => {
    expect(matchesText('Dayr az Zawr', 'CLASHES IN DEIR EZ-ZOR')).toBe(true);
    expect(matchesText('Deir ez-Zor', 'DEIR EZ-ZOR')).toBe(true);
    // A single capital word is taken as an acronym: matched by its letters.
    expect(matchesText('zor', 'ZOR')).toBe(true);
    expect(matchesText('Zawr', 'ZOR')).toBe(false);
  });

  it('drops articles from a query unless it has nothing else', () => {
    expect(compileQuery('al-Qaim').words).toEqual([{ literal: 'qaim', skeleton: 'km', open: false }]);
    expect(compileQuery('al').words).toEqual([{ literal: 'al', skeleton: '_l', open: false }]);
    expect(matchesText('al', 'Albu Kamal')).toBe(true);
    expect(compileQuery('Deir Deir DEIR').words).toHaveLength(1);
  });

  it('tells a blank query, which matches everything', () => {
    for (const q of ['', '   ', ' -- , ', '"']) {
      expect(isBlankQuery(q), JSON.stringify(q)).toBe(true);
      expect(matchesText(q, 'anything')).toBe(true);
    }
    expect(isBlankQuery('a')).toBe(false);
    expect(isBlankQuery('د')).toBe(false);
  });

  it('wordMatches: same skeleton, or the query literal starts the text literal, or an open word\'s shape', () => {
    const w = (literal: string, skeleton = skeletonOf(literal)) => ({ literal, skeleton });
    const q = (literal: string, open = false, skeleton = skeletonOf(literal)) => ({ literal, skeleton, open });
    expect(wordMatches(q('zawr'), w('zour'))).toBe(true);
    expect(wordMatches(q('zo'), w('zour'))).toBe(true);
    expect(wordMatches(q('za'), w('zour'))).toBe(false);
    expect(wordMatches(q('za', true), w('zour'))).toBe(true);
    expect(wordMatches(q('zour'), w('zo'))).toBe(false);
    expect(wordMatches(q('is'), w('us', ''))).toBe(false);
    expect(wordMatches(q('u', true), w('us', ''))).toBe(true);
    expect(wordMatches(q('i', true), w('us', ''))).toBe(false);
    expect(wordMatches(q('us'), w('us', ''))).toBe(true);
  });
});
