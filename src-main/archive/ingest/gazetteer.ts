/**
 * General knowledge the facet extractor needs: place names (countries,
 * capitals and large cities, regions) with their official long forms, the
 * big international organizations with their acronyms, words that make a
 * capitalized phrase an organization, and titles that announce a person.
 * Not a table of the bundled pages: it is what any news archive of the
 * region would need.
 */

/** Canonical place -> other spellings (long official forms, Russian). */
export const PLACES: Record<string, string[]> = {
  Russia: ['Russian Federation', 'Россия', 'Российская Федерация'],
  Belarus: ['Republic of Belarus', 'Беларусь', 'Белоруссия'],
  Kazakhstan: ['Republic of Kazakhstan', 'Казахстан'],
  Kyrgyzstan: ['Kyrgyz Republic', 'Kirgizia', 'Киргизия', 'Кыргызстан'],
  Tajikistan: ['Republic of Tajikistan', 'Таджикистан'],
  Armenia: ['Republic of Armenia', 'Армения'],
  Uzbekistan: ['Republic of Uzbekistan', 'Узбекистан'],
  Turkmenistan: ['Туркменистан'],
  Azerbaijan: ['Republic of Azerbaijan', 'Азербайджан'],
  Georgia: [],
  Ukraine: ['Украина'],
  Moldova: ['Republic of Moldova'],
  Afghanistan: ['Islamic Republic of Afghanistan', 'Афганистан'],
  Iran: ['Islamic Republic of Iran'],
  Iraq: [],
  Syria: ['Syrian Arab Republic', 'Сирия'],
  Lebanon: [],
  Israel: [],
  Turkey: ['Türkiye'],
  China: ["People's Republic of China", 'PRC', 'Китай'],
  Mongolia: [],
  India: [],
  Pakistan: [],
  'United States': ['USA', 'United States of America', 'США'],
  'United Kingdom': ['UK', 'Great Britain', 'Britain'],
  France: [],
  Germany: [],
  Poland: [],
  Lithuania: [],
  Latvia: [],
  Estonia: [],
  Finland: [],
  Serbia: [],
  Egypt: [],
  Libya: [],
  'Saudi Arabia': [],
  'Nagorno-Karabakh': ['Nagorno Karabakh', 'Karabakh'],
  Moscow: ['Москва', 'Москве'],
  'Saint Petersburg': ['St. Petersburg', 'St Petersburg', 'Санкт-Петербург'],
  Minsk: ['Минск', 'Минске'],
  Astana: ['Nur-Sultan', 'Астана'],
  Almaty: ['Alma-Ata', 'Алматы'],
  Bishkek: ['Бишкек', 'Бишкеке'],
  Osh: [],
  Dushanbe: ['Душанбе'],
  Yerevan: ['Ереван', 'Ереване'],
  Tashkent: ['Ташкент'],
  Baku: [],
  Tbilisi: [],
  Kabul: [],
  Kyiv: ['Kiev'],
  Beijing: [],
  Washington: [],
  'New York': [],
  Geneva: [],
  Vienna: [],
  Brussels: [],
  Sochi: [],
  Kazan: [],
  Novosibirsk: [],
  Orenburg: [],
  Brest: [],
  Grodno: [],
  Vitebsk: [],
  Gomel: [],
  Khujand: [],
  'Central Asia': ['Central Asian region'],
  'Middle East': [],
  'North Africa': [],
  'South Caucasus': [],
  Caucasus: [],
  'Eastern Europe': ['East European region'],
  Eurasia: ['Eurasian space', 'Eurasian security space'],
  Europe: [],
};

/** Canonical organization -> acronyms and other forms. */
export const ORGANIZATIONS: Record<string, string[]> = {
  'Collective Security Treaty Organization': ['CSTO', 'ОДКБ', 'Collective Security Treaty Organisation'],
  'United Nations': ['UN', 'ООН', 'World Organization'],
  'UN Security Council': ['United Nations Security Council', 'Security Council of the United Nations'],
  'UN General Assembly': ['United Nations General Assembly', 'General Assembly of the United Nations'],
  'Commonwealth of Independent States': ['CIS', 'СНГ'],
  'Shanghai Cooperation Organisation': ['SCO', 'ШОС', 'Shanghai Cooperation Organization'],
  NATO: ['North Atlantic Treaty Organization', 'НАТО'],
  OSCE: ['Organization for Security and Co-operation in Europe', 'ОБСЕ'],
  'OSCE Minsk Group': ['Minsk Group'],
  'European Union': ['EU'],
  'Eurasian Economic Union': ['EAEU', 'EEU'],
  'International Security Assistance Force': ['ISAF'],
  BRICS: [],
  ASEAN: [],
  Interpol: ['INTERPOL'],
  BELTA: ['BelTA'],
  'CSTO Collective Security Council': ['Collective Security Council', 'CSC', 'CSC CSTO', 'CSTO CSC'],
  'CSTO Secretariat': [],
  'CSTO Joint Staff': ['Joint Staff of the CSTO'],
  'CSTO Parliamentary Assembly': ['Parliamentary Assembly of the CSTO'],
  'CSTO Collective Rapid Reaction Forces': ['Collective Rapid Reaction Forces', 'Collective Rapid Reaction Force', 'CRRF', 'KSOR'],
  'CSTO Peacekeeping Forces': ['Peacekeeping Forces'],
  'CSTO Crisis Response Center': ['Crisis Response Center'],
  'CSTO Military Committee': ['Military Committee'],
  'Council of Foreign Ministers': ['Council of Ministers of Foreign Affairs'],
  'Council of Defense Ministers': ['Council of Ministers of Defense'],
  'Committee of Secretaries of Security Councils': ['Committee of Secretaries of Security Council'],
  'Diplomatic Academy of the Russian Ministry of Foreign Affairs': [],
};

/**
 * Named operations under every name the sources give them: the Russian name
 * transliterated (Nelegal, Kanal, Naemnik) or translated more than one way
 * (Illegal, Unlegal). One operation, one facet.
 */
export const OPERATIONS: Record<string, string[]> = {
  Illegal: ['Unlegal', 'Nelegal', 'Nelegal', 'Нелегал', 'Illegal Migrant'],
  Channel: ['Kanal', 'Канал'],
  Mercenary: ['Naemnik', 'Наемник', 'Наёмник'],
  PROXY: ['PROXI', 'Proxy', 'Прокси'],
};

/** Last word of a capitalized phrase that makes it an organization. */
export const ORG_HEADS = ['Organization', 'Organisation', 'Committee', 'Assembly', 'Academy', 'Secretariat', 'Ministry', 'Agency', 'Institute', 'Centre', 'Center', 'Union', 'Bank', 'University', 'Parliament', 'Government', 'Staff', 'Forces', 'Force', 'Service', 'Council'];

/** Words before a name that announce a person. */
export const PERSON_TITLES = /(?:President|Prime Minister|Minister|Secretary General|General Secretary|Secretary|Chairman|Chairperson|Chief|Head|Director|Ambassador|Spokesman|Spokeswoman|spokesman|Colonel[- ]General|Lieutenant[- ]General|Major[- ]General|Army General|General|Colonel|Admiral|Deputy|Representative|Envoy|Speaker|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)(?: of(?: the)?(?: [A-Z][\p{L}-]*)+){0,3},? ?$/u;

/** Verbs after a name that show a person speaking. */
export const SPEECH_VERBS = /^\s*,?\s*(?:said|says|noted|stated|added|stressed|emphasized|summarized|told|explained|clarified|informed|reported|announced|expressed|presented|congratulated|recalled|believes|also said|also noted)\b/;

/** Capitalized words that are never part of a person's name. */
export const NOT_NAMES = new Set([
  'The', 'A', 'An', 'On', 'In', 'At', 'Of', 'For', 'And', 'But', 'By', 'To', 'From', 'With', 'As', 'This', 'That', 'These', 'Those', 'He', 'She', 'It', 'We', 'They', 'I', 'Our', 'His', 'Her', 'Their',
  'Dear', 'Mr', 'Ms', 'Mrs', 'Dr', 'President', 'Prime', 'Minister', 'Secretary', 'General', 'Chairman', 'Chief', 'Head', 'Deputy', 'Acting', 'Army', 'Colonel', 'Police', 'Council', 'Committee',
  'Collective', 'Security', 'Treaty', 'Organization', 'Republic', 'Federation', 'Russian', 'Kyrgyz', 'Kazakh', 'Tajik', 'Armenian', 'Belarusian', 'Afghan', 'State', 'States', 'Member', 'Assembly',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'Operation', 'Forces', 'Force', 'Staff', 'Secretariat', 'Centre', 'Center', 'Academy', 'Ministry', 'Institute', 'Group', 'Union', 'Nations', 'United', 'Central', 'Asian', 'East', 'West', 'North', 'South',
  'European', 'Eastern', 'Western', 'Great', 'Patriotic', 'War', 'Victory', 'Plan', 'Declaration', 'Resolution', 'Statement', 'Agreement', 'Protocol', 'Program', 'Programme', 'Strategy', 'Rules', 'Regulation',
  'Decision', 'Medal', 'Honor', 'Class', 'First', 'Second', 'Third', 'Session', 'Meeting', 'Summit', 'Report', 'Annual', 'Troops', 'Military', 'Peacekeeping', 'Rapid', 'Reaction', 'Response', 'Crisis',
  'Parliamentary', 'Foreign', 'Affairs', 'Defense', 'Defence', 'Internal', 'Management', 'National', 'International', 'Regional', 'Joint', 'Special', 'Global', 'Counter', 'Terrorism', 'Illegal', 'Channel',
  'Heads', 'Chiefs', 'Ministers', 'Secretaries', 'Councils', 'Members', 'Thanks', 'Thank', 'Taking', 'Given', 'Considering', 'According', 'Also', 'Only', 'Today', 'Summarizing', 'Speaking', 'Opening',
  'Before', 'After', 'During', 'Within', 'Between', 'Under', 'Over', 'All', 'Both', 'Each', 'Every', 'Other', 'Such', 'Last', 'Next', 'New', 'Old', 'Year', 'Day', 'Week', 'CSTO', 'UN', 'CIS', 'SCO', 'NATO',
]);
