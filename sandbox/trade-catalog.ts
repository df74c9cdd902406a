/**
 * The seed's building blocks: a medical office building's subcontracts with CSI-style category codes
 * and realistic schedules of values. Amounts are exact dollar strings.
 */

export interface LineSpec {
  /** null: the line is uncoded. */
  code: string | null;
  description: string;
  scheduled: string;
}

export interface ContractSpec {
  id: string;
  number: string;
  vendorName: string;
  title: string;
  invoicePrefix: string;
  /** Claimed to date before Procore, as a range of tenths of a percent of each line's scheduled value. */
  claimedPerMille: [number, number];
  lines: LineSpec[];
}

export const CODE_NAMES: Record<string, string> = {
  '01-500': 'Temporary facilities and controls',
  '03-100': 'Concrete forming and accessories',
  '03-200': 'Concrete reinforcing',
  '03-300': 'Cast-in-place concrete',
  '03-350': 'Concrete finishing',
  '23-050': 'Common work results for HVAC',
  '23-300': 'HVAC air distribution',
  '23-700': 'Central HVAC equipment',
  '23-800': 'Decentralized HVAC equipment',
  '26-050': 'Common work results for electrical',
  '26-200': 'Low-voltage electrical transmission',
  '26-500': 'Lighting',
  '27-100': 'Structured cabling',
  '08-400': 'Entrances, storefronts, and curtain walls',
  '08-800': 'Glazing',
  '09-200': 'Plaster and gypsum board',
  '09-500': 'Ceilings',
  '09-900': 'Painting and coating',
  '31-200': 'Earth moving',
  '33-400': 'Storm drainage utilities',
};

const line = (code: string | null, description: string, scheduled: string): LineSpec => ({ code, description, scheduled });

export const CONTRACT_SPECS: ContractSpec[] = [
  {
    id: 'C-1042',
    number: 'SC-1042',
    vendorName: 'Granite Ridge Concrete, Inc.',
    title: 'Concrete and foundations',
    invoicePrefix: 'GRC',
    claimedPerMille: [150, 450],
    lines: [
      line('01-500', 'General conditions and temporary facilities', '48000.00'),
      line('03-100', 'Formwork — foundations', '62500.00'),
      line('03-100', 'Formwork — elevated decks', '88000.00'),
      line('03-200', 'Rebar — foundations', '41250.00'),
      line('03-200', 'Rebar — elevated decks', '57800.00'),
      line('03-300', 'Footings and grade beams', '126400.00'),
      line('03-300', 'Slab on grade', '98750.00'),
      line('03-300', 'Elevated slabs, levels 2–4', '214300.00'),
      line('03-300', 'Columns and shear walls', '76900.00'),
      line('03-350', 'Polished concrete — main lobby', '18600.00'),
    ],
  },
  {
    id: 'C-1057',
    number: 'SC-1057',
    vendorName: 'Summit Mechanical LLC',
    title: 'HVAC',
    invoicePrefix: 'SM',
    claimedPerMille: [100, 400],
    lines: [
      line('23-050', 'Mobilization, submittals and coordination', '22000.00'),
      line('23-300', 'Ductwork — level 1', '54300.00'),
      line('23-300', 'Ductwork — level 2', '49850.00'),
      line('23-300', 'Ductwork — levels 3–4', '91200.00'),
      line('23-700', 'Rooftop units RTU-1 to RTU-4', '186000.00'),
      line('23-700', 'Energy recovery ventilator', '38400.00'),
      line('23-800', 'VAV boxes and terminal units', '67250.00'),
    ],
  },
  {
    id: 'C-1063',
    number: 'SC-1063',
    vendorName: 'Brightline Electric Co.',
    title: 'Electrical',
    invoicePrefix: 'BLE',
    claimedPerMille: [120, 420],
    lines: [
      line('26-050', 'Mobilization and permits', '15500.00'),
      line('26-200', 'Service entrance and switchgear', '142000.00'),
      line('26-200', 'Branch circuiting — levels 1–2', '63800.00'),
      line('26-200', 'Branch circuiting — levels 3–4', '61200.00'),
      line('26-500', 'Interior lighting fixtures', '88900.00'),
      line('26-500', 'Exterior and site lighting', '24600.00'),
    ],
  },
  {
    id: 'C-1071',
    number: 'SC-1071',
    vendorName: 'Harbor Drywall & Paint',
    title: 'Drywall, ceilings and painting',
    invoicePrefix: 'HDP',
    claimedPerMille: [200, 500],
    lines: [
      line('09-200', 'Metal stud framing', '72400.00'),
      line('09-200', 'Gypsum board — clinic floors', '96300.00'),
      line('09-200', 'Gypsum board — core and shell', '41750.00'),
      line('09-500', 'Acoustical ceilings', '58200.00'),
      line('09-900', 'Interior painting — levels 1–2', '33600.00'),
      line('09-900', 'Interior painting — levels 3–4', '31900.00'),
      line('09-900', 'Exterior coatings', '18450.00'),
    ],
  },
  {
    id: 'C-1088',
    number: 'SC-1088',
    vendorName: 'Keystone Site Works',
    title: 'Sitework (SOV not coded)',
    invoicePrefix: 'KSW',
    claimedPerMille: [100, 300],
    lines: [
      line(null, 'Mobilization', '12000.00'),
      line(null, 'Clearing and grubbing', '18500.00'),
      line(null, 'Mass excavation', '94000.00'),
      line(null, 'Storm drainage', '57300.00'),
      line(null, 'Paving and curbs', '83650.00'),
    ],
  },
  {
    id: 'C-1094',
    number: 'SC-1094',
    vendorName: 'Apex Glazing Systems',
    title: 'Curtain wall and storefronts',
    invoicePrefix: 'AGS',
    claimedPerMille: [960, 990],
    lines: [
      line('08-400', 'Curtain wall — east and west elevations', '212000.00'),
      line('08-400', 'Storefront entrances', '46800.00'),
      line('08-800', 'Interior glazing and mirrors', '19750.00'),
    ],
  },
];

/** The 30 MasterFormat divisions the large contract spreads its 300 codes over (10 sections each). */
export const DIVISIONS: ReadonlyArray<[string, string]> = [
  ['01', 'General requirements'],
  ['02', 'Existing conditions'],
  ['03', 'Concrete'],
  ['04', 'Masonry'],
  ['05', 'Metals'],
  ['06', 'Wood, plastics, and composites'],
  ['07', 'Thermal and moisture protection'],
  ['08', 'Openings'],
  ['09', 'Finishes'],
  ['10', 'Specialties'],
  ['11', 'Equipment'],
  ['12', 'Furnishings'],
  ['13', 'Special construction'],
  ['14', 'Conveying equipment'],
  ['21', 'Fire suppression'],
  ['22', 'Plumbing'],
  ['23', 'HVAC'],
  ['25', 'Integrated automation'],
  ['26', 'Electrical'],
  ['27', 'Communications'],
  ['28', 'Electronic safety and security'],
  ['31', 'Earthwork'],
  ['32', 'Exterior improvements'],
  ['33', 'Utilities'],
  ['34', 'Transportation'],
  ['35', 'Waterway and marine construction'],
  ['40', 'Process interconnections'],
  ['41', 'Material processing and handling equipment'],
  ['44', 'Pollution and waste control equipment'],
  ['46', 'Water and wastewater equipment'],
];

export const SECTIONS = ['050', '100', '200', '300', '400', '500', '600', '700', '800', '900'] as const;
