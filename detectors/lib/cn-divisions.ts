/**
 * Real county-level division codes (public, Ministry of Civil Affairs) across many provinces: the
 * first six digits of generated resident ID numbers and of credit codes' registration place.
 */
export const CN_DIVISIONS: readonly string[] = [
  '110101', '110105', '110108', '120101', '130102', '140105', '150102', '210102', '220102', '230102',
  '310101', '310104', '310115', '320102', '320506', '330102', '330106', '340104', '350203', '360102',
  '370102', '370202', '410105', '420106', '430104', '440103', '440106', '440304', '440305', '450103',
  '460105', '500103', '510104', '510107', '520102', '530102', '540102', '610113', '620102', '630103',
  '640104', '650102',
];
