import type { ClientBookAnswer } from '../clientbook/clientBookAccess.ts';
import type { ClientBookService } from '../clientbook/clientBookService.ts';
import type { RebalanceDesk } from '../clientbook/rebalanceDesk.ts';
import type { LoginResult } from '../auth/userStore.ts';
import type { MarketDataSource } from '../marketdata/types.ts';
import type { OrderManager } from '../oms/orderManager.ts';
import type { DeskFeed } from '../portfolio/deskFeed.ts';
import type { PortfolioService } from '../portfolio/portfolioService.ts';
import type { RiskServices } from '../risk/index.ts';
import type { UserProfile } from '../../src/core/users.ts';

/** What the transport calls; every rule lives behind these. main.ts wires them. */
export interface GatewayServices {
  login(username: string, password: string): Promise<LoginResult>;
  marketData: MarketDataSource;
  oms: OrderManager;
  portfolio: PortfolioService;
  /** The desk roll-up, limits, alerts and intraday P&L (server/portfolio/deskFeed.ts). */
  desk: DeskFeed;
  /** The advisor's client book (server/clientbook): the first `clientBook` view, the book service and rebalancing. */
  clientBook: { legacy(user: UserProfile): ClientBookAnswer; service: ClientBookService; rebalance: RebalanceDesk };
  /** Kill switch and the ticket's limits (server/risk). */
  risk: RiskServices;
}
