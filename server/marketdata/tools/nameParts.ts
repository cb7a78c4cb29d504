/**
 * Word lists the generator builds company and fund names from. The first
 * words are invented place and nature names, so no generated name belongs to
 * a real company; the second words say what the company does.
 */
export const NAME_STEMS = [
  'Northfield', 'Copperline', 'Silverpine', 'Redwater', 'Brightwell', 'Kestrel', 'Harborview', 'Ironbridge',
  'Lakeshore', 'Granite Peak', 'Bluewater', 'Crestline', 'Fairhaven', 'Foxhill', 'Glenmore', 'Highmark',
  'Juniper', 'Larkspur', 'Maplecroft', 'Oakridge', 'Pinecrest', 'Quarry Hill', 'Riverbend', 'Saltmarsh',
  'Thornbury', 'Upland', 'Valemont', 'Westbrook', 'Yarrow', 'Ashcombe', 'Birchwood', 'Caldera',
  'Driftwood', 'Elmstead', 'Falconer', 'Greystone', 'Hollowell', 'Innisfree', 'Kingsmere', 'Lindenhall',
  'Moorgate', 'Newhaven', 'Orchard Lane', 'Pemberton', 'Redfern', 'Stonehaven', 'Tidewater', 'Wexford',
  'Alderney', 'Bramblewood', 'Coldwater', 'Deerfield', 'Eastgate', 'Ferncliff', 'Goldcrest', 'Hawthorn',
  'Ivybridge', 'Kirkwall', 'Longmeadow', 'Marlowe', 'Norcross', 'Osprey', 'Penrose', 'Rockhaven',
] as const;

export const SECTOR_WORDS: Record<string, readonly string[]> = {
  Technology: ['Semiconductor', 'Software', 'Systems', 'Networks', 'Data', 'Micro Devices', 'Cloud', 'Photonics', 'Analytics'],
  'Health Care': ['Therapeutics', 'Biosciences', 'Medical', 'Pharmaceuticals', 'Health', 'Diagnostics', 'Genomics'],
  Financials: ['Bancorp', 'Financial', 'Capital', 'Insurance Group', 'Trust', 'Asset Management'],
  Energy: ['Energy', 'Petroleum', 'Oil & Gas', 'Resources', 'Midstream'],
  Industrials: ['Industries', 'Aerospace', 'Logistics', 'Machinery', 'Rail', 'Engineering'],
  'Consumer Discretionary': ['Brands', 'Retail', 'Motors', 'Apparel', 'Restaurants', 'Home'],
  'Consumer Staples': ['Foods', 'Beverages', 'Household Products', 'Farms'],
  'Communication Services': ['Media', 'Communications', 'Interactive', 'Broadcasting'],
  Utilities: ['Power & Light', 'Utilities', 'Water', 'Electric'],
  'Real Estate': ['Realty', 'Properties', 'Land'],
  Materials: ['Chemicals', 'Mining', 'Steel', 'Packaging', 'Materials'],
};

/** ETF themes and the sector column they carry. */
export const ETF_THEMES: readonly (readonly [theme: string, sector: string])[] = [
  ['Total Market', 'Broad Market'], ['Large Cap Value', 'Large Cap'], ['Large Cap Growth', 'Large Cap'], ['Mid Cap', 'Mid Cap'],
  ['Small Cap Value', 'Small Cap'], ['Dividend Aristocrats', 'Dividend'], ['Equal Weight 500', 'Broad Market'], ['Low Volatility', 'Factor'],
  ['Momentum Factor', 'Factor'], ['Quality Factor', 'Factor'], ['Semiconductor', 'Technology'], ['Cloud Computing', 'Technology'],
  ['Cybersecurity', 'Technology'], ['Biotech', 'Health Care'], ['Regional Banks', 'Financials'], ['Homebuilders', 'Real Estate'],
  ['Clean Energy', 'Energy'], ['Oil Services', 'Energy'], ['Gold Miners', 'Commodities'], ['Agriculture', 'Commodities'],
  ['Short Treasury', 'Treasuries'], ['Intermediate Treasury', 'Treasuries'], ['TIPS', 'Treasuries'], ['Investment Grade Corporate', 'Credit'],
  ['High Yield Corporate', 'Credit'], ['Municipal Bond', 'Municipals'], ['Emerging Markets', 'International'], ['Developed Markets ex-US', 'International'],
  ['Europe', 'International'], ['Japan', 'International'], ['China Large Cap', 'International'], ['India', 'International'],
  ['REIT', 'Real Estate'], ['Utilities Select', 'Utilities'], ['Infrastructure', 'Industrials'], ['Robotics', 'Technology'],
  ['Water Resources', 'Utilities'], ['Aggregate Bond', 'Credit'], ['Preferred Stock', 'Credit'], ['Covered Call', 'Income'],
];

export const ETF_BRANDS = ['Summit', 'Beacon', 'Harbor Point', 'Keystone', 'Lodestar'] as const;
