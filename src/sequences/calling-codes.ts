/**
 * Country data for guessing a lead's time zone and country. One zone per country: for countries
 * spanning several we pick where most business contacts are (the capital or main business city).
 * Row: [ISO alpha-2, ISO alpha-3, calling code, IANA zone, ...lowercase English names and aliases].
 */
export type CountryRow = readonly [
  alpha2: string,
  alpha3: string,
  callingCode: string,
  timeZone: string,
  ...names: string[],
];

export const COUNTRIES: readonly CountryRow[] = [
  ['US', 'USA', '1', 'America/New_York', 'united states', 'united states of america', 'usa', 'us', 'america'],
  ['CA', 'CAN', '1', 'America/Toronto', 'canada'],
  ['PR', 'PRI', '1', 'America/Puerto_Rico', 'puerto rico'],
  ['DO', 'DOM', '1', 'America/Santo_Domingo', 'dominican republic'],
  ['JM', 'JAM', '1', 'America/Jamaica', 'jamaica'],
  ['GB', 'GBR', '44', 'Europe/London', 'united kingdom', 'uk', 'great britain', 'britain', 'england'],
  ['IE', 'IRL', '353', 'Europe/Dublin', 'ireland', 'republic of ireland'],
  ['DE', 'DEU', '49', 'Europe/Berlin', 'germany', 'deutschland'],
  ['FR', 'FRA', '33', 'Europe/Paris', 'france'],
  ['ES', 'ESP', '34', 'Europe/Madrid', 'spain', 'españa', 'espana'],
  ['IT', 'ITA', '39', 'Europe/Rome', 'italy', 'italia'],
  ['NL', 'NLD', '31', 'Europe/Amsterdam', 'netherlands', 'the netherlands', 'holland', 'nederland'],
  ['BE', 'BEL', '32', 'Europe/Brussels', 'belgium'],
  ['LU', 'LUX', '352', 'Europe/Luxembourg', 'luxembourg'],
  ['CH', 'CHE', '41', 'Europe/Zurich', 'switzerland', 'schweiz', 'suisse'],
  ['AT', 'AUT', '43', 'Europe/Vienna', 'austria', 'österreich', 'osterreich'],
  ['PT', 'PRT', '351', 'Europe/Lisbon', 'portugal'],
  ['DK', 'DNK', '45', 'Europe/Copenhagen', 'denmark', 'danmark'],
  ['SE', 'SWE', '46', 'Europe/Stockholm', 'sweden', 'sverige'],
  ['NO', 'NOR', '47', 'Europe/Oslo', 'norway', 'norge'],
  ['FI', 'FIN', '358', 'Europe/Helsinki', 'finland', 'suomi'],
  ['IS', 'ISL', '354', 'Atlantic/Reykjavik', 'iceland'],
  ['PL', 'POL', '48', 'Europe/Warsaw', 'poland', 'polska'],
  ['CZ', 'CZE', '420', 'Europe/Prague', 'czech republic', 'czechia'],
  ['SK', 'SVK', '421', 'Europe/Bratislava', 'slovakia'],
  ['HU', 'HUN', '36', 'Europe/Budapest', 'hungary'],
  ['SI', 'SVN', '386', 'Europe/Ljubljana', 'slovenia'],
  ['HR', 'HRV', '385', 'Europe/Zagreb', 'croatia'],
  ['RS', 'SRB', '381', 'Europe/Belgrade', 'serbia'],
  ['RO', 'ROU', '40', 'Europe/Bucharest', 'romania'],
  ['BG', 'BGR', '359', 'Europe/Sofia', 'bulgaria'],
  ['GR', 'GRC', '30', 'Europe/Athens', 'greece'],
  ['CY', 'CYP', '357', 'Asia/Nicosia', 'cyprus'],
  ['MT', 'MLT', '356', 'Europe/Malta', 'malta'],
  ['EE', 'EST', '372', 'Europe/Tallinn', 'estonia'],
  ['LV', 'LVA', '371', 'Europe/Riga', 'latvia'],
  ['LT', 'LTU', '370', 'Europe/Vilnius', 'lithuania'],
  ['UA', 'UKR', '380', 'Europe/Kyiv', 'ukraine'],
  ['RU', 'RUS', '7', 'Europe/Moscow', 'russia', 'russian federation'],
  ['KZ', 'KAZ', '7', 'Asia/Almaty', 'kazakhstan'],
  ['TR', 'TUR', '90', 'Europe/Istanbul', 'turkey', 'türkiye', 'turkiye'],
  ['IL', 'ISR', '972', 'Asia/Jerusalem', 'israel'],
  ['AE', 'ARE', '971', 'Asia/Dubai', 'united arab emirates', 'uae', 'emirates'],
  ['SA', 'SAU', '966', 'Asia/Riyadh', 'saudi arabia', 'ksa'],
  ['QA', 'QAT', '974', 'Asia/Qatar', 'qatar'],
  ['KW', 'KWT', '965', 'Asia/Kuwait', 'kuwait'],
  ['BH', 'BHR', '973', 'Asia/Bahrain', 'bahrain'],
  ['OM', 'OMN', '968', 'Asia/Muscat', 'oman'],
  ['JO', 'JOR', '962', 'Asia/Amman', 'jordan'],
  ['LB', 'LBN', '961', 'Asia/Beirut', 'lebanon'],
  ['EG', 'EGY', '20', 'Africa/Cairo', 'egypt'],
  ['MA', 'MAR', '212', 'Africa/Casablanca', 'morocco'],
  ['TN', 'TUN', '216', 'Africa/Tunis', 'tunisia'],
  ['DZ', 'DZA', '213', 'Africa/Algiers', 'algeria'],
  ['ZA', 'ZAF', '27', 'Africa/Johannesburg', 'south africa'],
  ['NG', 'NGA', '234', 'Africa/Lagos', 'nigeria'],
  ['GH', 'GHA', '233', 'Africa/Accra', 'ghana'],
  ['KE', 'KEN', '254', 'Africa/Nairobi', 'kenya'],
  ['ET', 'ETH', '251', 'Africa/Addis_Ababa', 'ethiopia'],
  ['TZ', 'TZA', '255', 'Africa/Dar_es_Salaam', 'tanzania'],
  ['UG', 'UGA', '256', 'Africa/Kampala', 'uganda'],
  ['IN', 'IND', '91', 'Asia/Kolkata', 'india'],
  ['PK', 'PAK', '92', 'Asia/Karachi', 'pakistan'],
  ['BD', 'BGD', '880', 'Asia/Dhaka', 'bangladesh'],
  ['LK', 'LKA', '94', 'Asia/Colombo', 'sri lanka'],
  ['CN', 'CHN', '86', 'Asia/Shanghai', 'china', "people's republic of china", 'prc'],
  ['HK', 'HKG', '852', 'Asia/Hong_Kong', 'hong kong'],
  ['TW', 'TWN', '886', 'Asia/Taipei', 'taiwan'],
  ['JP', 'JPN', '81', 'Asia/Tokyo', 'japan'],
  ['KR', 'KOR', '82', 'Asia/Seoul', 'south korea', 'korea', 'republic of korea'],
  ['SG', 'SGP', '65', 'Asia/Singapore', 'singapore'],
  ['MY', 'MYS', '60', 'Asia/Kuala_Lumpur', 'malaysia'],
  ['ID', 'IDN', '62', 'Asia/Jakarta', 'indonesia'],
  ['PH', 'PHL', '63', 'Asia/Manila', 'philippines'],
  ['TH', 'THA', '66', 'Asia/Bangkok', 'thailand'],
  ['VN', 'VNM', '84', 'Asia/Ho_Chi_Minh', 'vietnam', 'viet nam'],
  ['AU', 'AUS', '61', 'Australia/Sydney', 'australia'],
  ['NZ', 'NZL', '64', 'Pacific/Auckland', 'new zealand'],
  ['MX', 'MEX', '52', 'America/Mexico_City', 'mexico', 'méxico'],
  ['GT', 'GTM', '502', 'America/Guatemala', 'guatemala'],
  ['CR', 'CRI', '506', 'America/Costa_Rica', 'costa rica'],
  ['PA', 'PAN', '507', 'America/Panama', 'panama'],
  ['CO', 'COL', '57', 'America/Bogota', 'colombia'],
  ['VE', 'VEN', '58', 'America/Caracas', 'venezuela'],
  ['EC', 'ECU', '593', 'America/Guayaquil', 'ecuador'],
  ['PE', 'PER', '51', 'America/Lima', 'peru'],
  ['BR', 'BRA', '55', 'America/Sao_Paulo', 'brazil', 'brasil'],
  ['AR', 'ARG', '54', 'America/Argentina/Buenos_Aires', 'argentina'],
  ['CL', 'CHL', '56', 'America/Santiago', 'chile'],
  ['UY', 'URY', '598', 'America/Montevideo', 'uruguay'],
];

/**
 * Calling-code prefixes beyond the country code, for codes several countries share.
 * Without a match here a shared code means its first row in COUNTRIES (+1 → US, +7 → RU).
 */
export const SHARED_CODE_PREFIXES: Readonly<Record<string, string>> = {
  '1787': 'PR',
  '1939': 'PR',
  '1809': 'DO',
  '1829': 'DO',
  '1849': 'DO',
  '1876': 'JM',
  '1658': 'JM',
  // Canada's largest area codes: Toronto, Montreal, Ottawa.
  '1416': 'CA',
  '1647': 'CA',
  '1437': 'CA',
  '1514': 'CA',
  '1438': 'CA',
  '1613': 'CA',
  '76': 'KZ',
  '77': 'KZ',
};

/** Country-code TLDs that differ from the alpha-2 code. */
export const TLD_ALIASES: Readonly<Record<string, string>> = { uk: 'GB' };

/**
 * ccTLDs sold worldwide as generic names; they say nothing about where the sender is unless
 * under a national second level (example.com.co is Colombian, example.co is not).
 */
export const VANITY_TLDS: ReadonlySet<string> = new Set(
  'ac ag ai am cc co fm gg im io la ly me ms nu sh so st to tv vc ws'.split(' '),
);

/** Second-level labels registries use under a ccTLD (co.uk, com.br, ac.jp, gob.mx). */
export const NATIONAL_SECOND_LEVELS: ReadonlySet<string> = new Set(
  'ac co com edu gob gov gv ltd ne net or org plc'.split(' '),
);
