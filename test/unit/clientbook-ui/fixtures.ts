import type { ClientDetailWire, ClientSummaryWire } from '../../../src/core/protocol/clientBook.ts';

/** A client-list row as the gateway sends it (docs/protocol.md example), with overrides. */
export function summary(over: Partial<ClientSummaryWire> = {}): ClientSummaryWire {
  return {
    clientId: 'C0001',
    name: 'Margaret Ellison',
    householdId: 'H0001',
    householdName: 'Ellison household',
    advisor: 'advisor1',
    serviceTier: 'premier',
    riskTolerance: 3,
    objective: 'Balanced',
    kycStatus: 'current',
    currency: 'USD',
    aum: '1254300.12',
    cash: '48210.55',
    returns: { mtd: '0.0112', qtd: '-0.0251', ytd: '0', oneYear: null },
    drift: '0.0612',
    lastContact: null,
    nextAppointment: null,
    openTasks: 2,
    lastReviewDate: '2025-10-02',
    nextReviewDue: '2026-10-02',
    flags: ['reviewOverdue', 'driftOverThreshold'],
    accountIds: ['A-10001', 'A-10002'],
    ...over,
  };
}

/** A client record with two accounts: one USD with MSFT and AAPL, one EUR with SAP and cash only in EUR. */
export function detail(over: Partial<ClientDetailWire> = {}): ClientDetailWire {
  return {
    profile: {
      clientId: 'C0001',
      name: 'Margaret Ellison',
      advisor: 'advisor1',
      email: 'm@example.com',
      phone: '+1 555 0100',
      address: '12 Elm St',
      dateOfBirth: '1961-04-12',
      serviceTier: 'premier',
      riskTolerance: 3,
      objective: 'Balanced',
      horizonYears: 10,
      kycStatus: 'current',
      kycExpiresOn: '2027-03-01',
      reviewFrequencyMonths: 12,
      lastReviewDate: '2025-10-02',
      nextReviewDue: '2026-10-02',
      excludedSectors: ['Energy'],
      concentrationLimit: '0.2',
      flags: [],
    },
    household: { householdId: 'H0001', name: 'Ellison household', members: [{ clientId: 'C0001', name: 'Margaret Ellison' }] },
    accounts: [
      {
        accountId: 'A-1',
        name: 'Individual',
        type: 'Individual',
        currency: 'USD',
        modelId: 'M-BAL',
        cash: '1000',
        marketValue: '6000',
        drift: '0.05',
        holdings: [
          { symbol: 'MSFT', quantity: '10', avgCost: '300', price: '400', marketValue: '4000', weight: '0.57', targetWeight: '0.5', assetClass: 'equity', sector: 'Technology', region: 'North America', currency: 'USD' },
          { symbol: 'AAPL', quantity: '10', avgCost: '150', price: '200', marketValue: '2000', weight: '0.29', targetWeight: '0.3', assetClass: 'equity', sector: 'Technology', region: 'North America', currency: 'USD' },
        ],
      },
      {
        accountId: 'A-2',
        name: 'Joint',
        type: 'Joint',
        currency: 'EUR',
        modelId: null,
        cash: '500',
        marketValue: '1500',
        drift: '0',
        holdings: [
          { symbol: 'SAP', quantity: '10', avgCost: '100', price: '150', marketValue: '1500', weight: '0.75', targetWeight: '0', assetClass: 'etf', sector: 'Software', region: 'Europe', currency: 'EUR' },
        ],
      },
    ],
    transactions: [],
    performance: { asOf: '2026-11-23', inception: '2024-03-04', benchmarkName: '60/40', periods: [], series: [] },
    allocation: { assetClass: [], sector: [], region: [], currency: [] },
    interactions: [],
    tasks: [],
    appointments: [],
    correspondence: [],
    serviceRequests: [],
    research: [],
    overrides: [],
    ...over,
  };
}
