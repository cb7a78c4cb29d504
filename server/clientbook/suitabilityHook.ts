/**
 * The client book's part of pre-trade risk: the suitability of an order in an
 * advisory account (src/core/suitability.ts), the positions behind client and
 * block accounts, and the record of every override with its justification.
 * main.ts hands `check` to the risk engine, `onPlaced` to the OMS and
 * `positionOf` to the risk engine's position lookup.
 */
import { type Decimal, ZERO, dec } from '../../src/core/decimal.ts';
import type { Instrument } from '../../src/core/instrument.ts';
import { type Order, bookSide } from '../../src/core/order.ts';
import type { RiskWarning } from '../../src/core/risk/ruleIds.ts';
import { checkSuitability } from '../../src/core/suitability.ts';
import type { RiskRequest } from '../risk/types.ts';
import { valueAccount } from './accountValuation.ts';
import type { ClientBookStore } from './clientBookStore.ts';

/** The house account a block order for an advisor's clients trades in. */
export const BLOCK_ACCOUNT_PREFIX = 'BLOCK-';
export const blockAccountOf = (username: string) => `${BLOCK_ACCOUNT_PREFIX}${username}`;

export interface SuitabilityHookDeps {
  store: ClientBookStore;
  instrument(symbol: string): Instrument | undefined;
  price(symbol: string): Decimal | undefined;
  now(): number;
}

export function createSuitabilityHook(deps: SuitabilityHookDeps) {
  const { store } = deps;
  return {
    /** Warnings needing a justification, or a block; [] for an account outside the book. */
    check(req: RiskRequest): RiskWarning[] | { block: string } {
      const account = store.account(req.spec.account);
      if (!account) return [];
      const client = store.client(account.clientId);
      const instrument = deps.instrument(req.spec.symbol);
      if (!client || !instrument) return [];
      const price = req.spec.limitPrice ?? deps.price(req.spec.symbol);
      if (price === undefined) return [];
      const valued = valueAccount(account, store.holdings(account.accountId), undefined, deps);
      const holdingValue = valued.holdings.find((h) => h.symbol === req.spec.symbol)?.marketValue ?? ZERO;
      // A replace is judged on its new quantity over what the account holds now.
      const result = checkSuitability(
        {
          clientId: client.clientId,
          clientName: client.name,
          riskTolerance: client.riskTolerance,
          excludedSectors: client.excludedSectors,
          concentrationLimit: dec(client.concentrationLimit),
        },
        instrument,
        { side: bookSide(req.spec.side), quantity: req.spec.quantity, price },
        { totalValue: valued.total, holdingValue },
      );
      switch (result.kind) {
        case 'suitable':
          return [];
        case 'block':
          return { block: result.reason };
        case 'warn':
          return result.warnings.map((w) => ({ rule: 'suitability', message: `suitability: ${w.message}`, requiresJustification: true }));
      }
    },

    /** Keeps the justification of an order placed over suitability warnings. */
    onPlaced(order: Order, warnings: readonly RiskWarning[], justification: string | undefined): void {
      const suitability = warnings.filter((w) => w.rule === 'suitability');
      if (suitability.length === 0) return;
      const account = store.account(order.account);
      if (!account) return;
      store.addOverride({
        orderId: order.orderId,
        clOrdId: order.clOrdId,
        accountId: order.account,
        clientId: account.clientId,
        symbol: order.symbol,
        side: order.side,
        quantity: order.quantity.toFixed(),
        warnings: suitability.map((w) => ({ rule: w.rule, message: w.message })),
        justification: justification ?? '',
        by: order.trader,
        at: deps.now(),
      });
    },

    /**
     * Positions the book knows: a client account holds its holdings; an
     * advisor's block account may sell what that advisor's clients hold (a
     * block sale is their sale). Undefined for any other account.
     */
    positionOf(account: string, symbol: string): Decimal | undefined {
      if (account.startsWith(BLOCK_ACCOUNT_PREFIX)) {
        const advisor = account.slice(BLOCK_ACCOUNT_PREFIX.length);
        const accounts = advisor === '' ? [] : store.clients(advisor).length > 0 ? store.accountsOf(advisor) : store.accounts().map((a) => a.accountId);
        return accounts.reduce((s, a) => s.plus(store.holding(a, symbol)?.quantity ?? '0'), ZERO);
      }
      if (!store.account(account)) return undefined;
      return dec(store.holding(account, symbol)?.quantity ?? '0');
    },
  };
}
