// Other names of the actors and places analysts meet in conflict datasets of Syria and Iraq, so that
// searching any of them finds the events written with any other (aliases.ts). Spellings that fold.ts
// already folds together (Hama/Hamah, Deir-ez-Zor/Deir ez-Zor) need not all be listed; names that
// differ in their letters (ISIS/Daesh, Abu Kamal/Albu Kamal, Tabqa/al-Thawrah) must be.
//
// Licence: a compilation made for Frontline of publicly known facts (the names by which these groups
// and places are commonly called), part of the project and under its licence; no text is copied
// from the sources named. Each group names where its names are attested. Only well-known names:
// nothing invented, nothing contested. "Syrian army" is left out of the Syrian Arab Army group on
// purpose: the words are also inside "Free Syrian Army", so as an alias they would find every FSA
// event.

export interface AliasGroupData {
  /** The name shown first, then its other names and spellings. */
  readonly names: readonly string[];
  /** Where the names are attested. */
  readonly source: string;
}

export const ACTOR_ALIASES: readonly AliasGroupData[] = [
  {
    names: ['Islamic State', 'IS', 'ISIS', 'ISIL', 'Daesh', "Da'esh", 'داعش', 'الدولة الإسلامية', 'Islamic State of Iraq and the Levant', 'Islamic State of Iraq and Syria', 'Islamic State of Iraq and al-Sham'],
    source: 'Wikipedia, "Islamic State" (lead: also known as ISIL, ISIS and Daesh; Arabic الدولة الإسلامية, داعش)'
  },
  {
    names: ['Syrian Democratic Forces', 'SDF', 'QSD', 'قسد', 'قوات سوريا الديمقراطية'],
    source: 'Wikipedia, "Syrian Democratic Forces" (Arabic قوات سوريا الديمقراطية, abbreviated قسد, QSD)'
  },
  {
    names: ['Hayat Tahrir al-Sham', "Hay'at Tahrir al-Sham", 'HTS', 'Tahrir al-Sham', 'هيئة تحرير الشام'],
    source: 'Wikipedia, "Hay\'at Tahrir al-Sham" (HTS; Arabic هيئة تحرير الشام)'
  },
  {
    names: ['al-Nusra Front', 'Nusra Front', 'Jabhat al-Nusra', 'جبهة النصرة'],
    source: 'Wikipedia, "al-Nusra Front" (Jabhat al-Nusra; Arabic جبهة النصرة)'
  },
  {
    names: ["People's Defense Units", "People's Protection Units", 'YPG', 'Yekîneyên Parastina Gel', 'وحدات حماية الشعب'],
    source: 'Wikipedia, "People\'s Defense Units" (also People\'s Protection Units; Kurdish Yekîneyên Parastina Gel, YPG; Arabic وحدات حماية الشعب)'
  },
  {
    names: ["Kurdistan Workers' Party", 'PKK', 'Partiya Karkerên Kurdistanê', 'حزب العمال الكردستاني'],
    source: 'Wikipedia, "Kurdistan Workers\' Party" (Kurdish Partiya Karkerên Kurdistanê, PKK)'
  },
  {
    names: ['Hezbollah', 'Hizballah', 'Hizbullah', 'Hizbollah', 'حزب الله'],
    source: 'Wikipedia, "Hezbollah" (lead: also transliterated Hizbullah, Hizballah; Arabic حزب الله)'
  },
  {
    names: ["Kata'ib Hezbollah", 'Kataib Hezbollah', 'Hezbollah Brigades', 'كتائب حزب الله'],
    source: 'Wikipedia, "Kata\'ib Hezbollah" (Hezbollah Brigades; Arabic كتائب حزب الله)'
  },
  {
    names: ['Popular Mobilization Forces', 'Popular Mobilisation Forces', 'Popular Mobilization Units', 'PMF', 'PMU', 'Hashd', 'al-Hashd al-Shaabi', 'الحشد الشعبي'],
    source: 'Wikipedia, "Popular Mobilization Forces" (PMF, also Popular Mobilization Units, PMU; Arabic الحشد الشعبي, al-Ḥashd ash-Shaʿbī)'
  },
  {
    names: ['Free Syrian Army', 'FSA', 'الجيش السوري الحر'],
    source: 'Wikipedia, "Free Syrian Army" (FSA; Arabic الجيش السوري الحر)'
  },
  {
    names: ['Syrian Arab Army', 'SAA', 'الجيش العربي السوري', 'Military Forces of Syria'],
    source: 'Wikipedia, "Syrian Arab Army" (SAA; Arabic الجيش العربي السوري); "Military Forces of Syria" as ACLED names state forces ("Military Forces of <country> (<years>)")'
  },
  {
    names: ['National Defence Forces', 'National Defense Forces', 'NDF', 'قوات الدفاع الوطني'],
    source: 'Wikipedia, "National Defense Forces (Syria)" (NDF; Arabic قوات الدفاع الوطني); "Defence" in British spelling'
  }
];

export const PLACE_ALIASES: readonly AliasGroupData[] = [
  {
    names: ['Albu Kamal', 'Abu Kamal', 'Al-Bukamal', 'Bukamal', 'Abou Kamal', 'البوكمال'],
    source: 'Wikipedia, "Abu Kamal" (also Albu Kamal, Al-Bukamal; Arabic البوكمال); French Wikipedia, "Abou Kamal"'
  },
  {
    names: ['Deir ez-Zor', 'Deir al-Zour', 'Deir al-Zor', 'Dayr az-Zawr', 'Deir Ezzor', 'دير الزور'],
    source: 'Wikipedia, "Deir ez-Zor" (Arabic دير الزور, romanized Dayr az-Zawr); BBC News, "IS loses Deir al-Zour in Syria and al-Qaim in Iraq on same day" (3 November 2017); "Deir Ezzor" as in the name of the local news network DeirEzzor 24'
  },
  {
    names: ['Raqqa', 'Ar-Raqqah', 'Rakka', 'الرقة'],
    source: 'Wikipedia, "Raqqa" (also ar-Raqqah, Rakka; Arabic الرقة)'
  },
  {
    names: ['Al-Thawrah', 'Tabqa', 'Al-Tabqa', 'الطبقة'],
    source: 'Wikipedia, "Al-Thawrah, Syria" (also known as Tabqa; Arabic الطبقة)'
  },
  {
    names: ['Al-Mayadin', 'Mayadin', 'Al Mayadeen', 'الميادين'],
    source: 'Wikipedia, "Al-Mayadin" (Arabic الميادين)'
  },
  {
    names: ['Al-Hasakah', 'Hasakah', 'Al-Hasakeh', 'Hasaka', 'الحسكة'],
    source: 'Wikipedia, "Al-Hasakah" (also Hasaka; Arabic الحسكة)'
  },
  {
    names: ['Qamishli', 'Al-Qamishli', 'Qamişlo', 'القامشلي'],
    source: 'Wikipedia, "Qamishli" (Kurdish Qamişlo; Arabic القامشلي)'
  },
  {
    names: ['Tell Abyad', 'Tal Abyad', 'Tell Abiad', 'Girê Spî', 'تل أبيض'],
    source: 'Wikipedia, "Tell Abyad" (Kurdish Girê Spî; Arabic تل أبيض)'
  },
  {
    names: ['Kobani', 'Kobanî', 'Ayn al-Arab', 'Ain al-Arab', 'عين العرب', 'كوباني'],
    source: 'Wikipedia, "Kobani" (Arabic عين العرب, Ayn al-ʿArab; Kurdish Kobanî)'
  },
  {
    names: ['Ras al-Ayn', 'Ras al-Ain', 'Serêkaniyê', 'رأس العين'],
    source: 'Wikipedia, "Ras al-Ayn" (Kurdish Serêkaniyê; Arabic رأس العين)'
  },
  {
    names: ['Manbij', 'Menbij', 'منبج'],
    source: 'Wikipedia, "Manbij" (Arabic منبج; also Menbij)'
  },
  {
    names: ['Aleppo', 'Halab', 'حلب'],
    source: 'Wikipedia, "Aleppo" (Arabic حلب, romanized Ḥalab)'
  },
  {
    names: ['Palmyra', 'Tadmur', 'Tadmor', 'تدمر'],
    source: 'Wikipedia, "Palmyra" (Arabic تدمر, Tadmur)'
  },
  {
    names: ['Damascus', 'Dimashq', 'دمشق'],
    source: 'Wikipedia, "Damascus" (Arabic دمشق, romanized Dimashq)'
  },
  {
    names: ['Homs', 'Hims', 'حمص'],
    source: 'Wikipedia, "Homs" (Arabic حمص, romanized Ḥimṣ)'
  },
  {
    names: ['Idlib', 'Idleb', 'إدلب'],
    source: 'Wikipedia, "Idlib" (also Idleb; Arabic إدلب)'
  },
  {
    names: ['Daraa', 'Deraa', "Dar'a", 'درعا'],
    source: 'Wikipedia, "Daraa" (also Deraa, Dar\'a; Arabic درعا)'
  },
  {
    names: ['Mosul', 'Mawsil', 'Al-Mawsil', 'الموصل'],
    source: 'Wikipedia, "Mosul" (Arabic الموصل, romanized al-Mawṣil)'
  },
  {
    names: ["Al-Qa'im", 'al-Qaim', 'القائم'],
    source: 'Wikipedia, "Al-Qa\'im, Iraq" (Arabic القائم)'
  },
  {
    names: ['Tal Afar', 'Tel Afar', 'Tall Afar', 'تلعفر'],
    source: 'Wikipedia, "Tal Afar" (also Tall Afar, Tel Afar; Arabic تلعفر)'
  },
  {
    names: ['Sinjar', 'Shingal', 'سنجار'],
    source: 'Wikipedia, "Sinjar" (Kurdish Şingal; Arabic سنجار)'
  },
  {
    names: ['Fallujah', 'Falluja', 'الفلوجة'],
    source: 'Wikipedia, "Fallujah" (Arabic الفلوجة)'
  },
  {
    names: ['Baiji', 'Bayji', 'بيجي'],
    source: 'Wikipedia, "Baiji" (also Bayji; Arabic بيجي)'
  },
  {
    names: ['Hawija', 'Hawijah', 'الحويجة'],
    source: 'Wikipedia, "Hawija" (Arabic الحويجة)'
  }
];

/**
 * Words written as one or as two (or with a hyphen): "airstrike", "air strike", "air-strike". Two
 * query words that make one of these (or its plural) are searched as that word and as the pair.
 */
export const COMPOUND_WORDS: readonly string[] = [
  // Merriam-Webster lists each with its two-word or hyphenated variant.
  'airstrike',
  'ceasefire',
  'counterattack',
  'counteroffensive',
  'checkpoint',
  'landmine',
  'airbase',
  'frontline',
  'warplane',
  'crossfire',
  'gunfire'
];
