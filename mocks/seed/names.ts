// Name parts for generated contacts: English and French-Canadian, as the sample org serves both.
export const FIRST_NAMES = [
  'Ava', 'Liam', 'Olivia', 'Noah', 'Emma', 'William', 'Charlotte', 'Thomas', 'Léa', 'Félix', 'Chloé', 'Gabriel',
  'Zoé', 'Samuel', 'Maya', 'Jacob', 'Alice', 'Nathan', 'Rosalie', 'Xavier', 'Priya', 'Wei', 'Fatima', 'Omar',
  'Sofia', 'Mateo', 'Aisha', 'Hiroshi', 'Ingrid', 'Kwame', 'Lucía', 'Mohammed', 'Nadia', 'Owen', 'Quinn', 'Renée',
];
export const LAST_NAMES = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné', 'Smith',
  'Brown', 'Wilson', 'Martin', 'Anderson', 'Taylor', 'Nguyen', 'Singh', 'Chen', 'Patel', 'Kim', 'Okafor',
  'García', 'Rossi', 'Müller', 'Haddad', 'Johansson', 'Kowalski', 'Ouellet', 'Pelletier', "O'Brien", 'Leblanc',
];
export const TAGS = ['vip', 'new', 'wholesale', 'newsletter', 'event-2026', 'loyalty'];
// Real, valid area codes of the sample org's cities, so libphonenumber accepts the numbers.
export const AREA_CODES = ['416', '647', '437', '514', '438', '604', '613'];
