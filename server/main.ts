/**
 * The composition root: reads the configuration, opens the database, seeds
 * the demo data on first start, wires market data → venue → OMS → portfolio
 * and the transport, and listens. Nothing else in server/ constructs a peer.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { config as rxConfig, filter, map } from 'rxjs';
import { dec } from '../src/core/decimal.ts';
import { isTerminal } from '../src/core/order.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './auth/demoUsers.ts';
import { createAuthService, seedDemoUsers } from './auth/userStore.ts';
import { clientBookFor } from './clientbook/clientBookAccess.ts';
import { createClientBookService } from './clientbook/clientBookService.ts';
import { createClientBookStore } from './clientbook/clientBookStore.ts';
import { latestPriceOf } from './clientbook/latestPrice.ts';
import { createRebalanceDesk } from './clientbook/rebalanceDesk.ts';
import { seedClientBook } from './clientbook/seedClientBook.ts';
import { BLOCK_ACCOUNT_PREFIX, createSuitabilityHook } from './clientbook/suitabilityHook.ts';
import { type Config, ConfigError, configFromEnv } from './config/config.ts';
import { type SteppableMarketData, marketDataFor } from './marketdata/fromConfig.ts';
import { canSee } from './oms/entitlements.ts';
import type { Execution } from './oms/execution.ts';
import { createCommitQueue } from './oms/commitQueue.ts';
import { createJournal } from './oms/journal.ts';
import { createOrderManager } from './oms/orderManager.ts';
import { createDeskFeed } from './portfolio/deskFeed.ts';
import { DEFAULT_LIMITS_FILE, loadLimits } from './portfolio/limits.ts';
import { createPortfolioService } from './portfolio/portfolioService.ts';
import { DEFAULT_START_OF_DAY_FILE, loadStartOfDay } from './portfolio/startOfDay.ts';
import { DailySpend, createKillSwitch, createPreTradeRisk, loadRiskLimits } from './risk/index.ts';
import type { Fill } from './portfolio/positionBook.ts';
import { openDatabase } from './storage/database.ts';
import { createHttpHandler } from './transport/httpHandler.ts';
import type { GatewayServices } from './transport/services.ts';
import type { FanoutStats } from './transport/quoteFanout.ts';
import { createWsGateway, transportOptions } from './transport/wsGateway.ts';
import { createFixVenue } from './venues/fix/fixVenue.ts';
import { createMatchingVenue } from './venues/matching/matchingVenue.ts';
import { createRoutingRouter } from './venues/routing/routingRouter.ts';
import { loadVenuesFile } from './venues/venuesFile.ts';

export interface RunningGateway {
  readonly port: number;
  /** Where a browser opens the terminal. */
  readonly url: string;
  readonly wsUrl: string;
  readonly config: Config;
  /** The simulator (or replay) behind the feed; tests call step() to move quotes on demand. */
  readonly marketData: SteppableMarketData;
  /** Quote fan-out counters: symbol-updates delivered, frames, slow connections cut (the benchmark reads them). */
  transportStats(): FanoutStats;
  /** Working orders the connections follow because they placed them (a test checks finished ones are let go). */
  placedOrdersFollowed(): number;
  /** Closes sockets, the HTTP server, the simulator's timer and the database. Safe to call twice. */
  stop(): Promise<void>;
}

function fillOf(e: Execution): Fill {
  return { trader: e.order.trader, account: e.order.account, symbol: e.order.symbol, side: e.order.side, quantity: e.lastQty, price: e.lastPx };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
}

/**
 * Starts a gateway; overrides win over the environment (tests pass port 0, a temp dataDir, silent logs).
 * `clock` is the OMS's time (order timestamps, DAY/GTD expiry); a test moves it past a session close.
 */
export async function startGateway(overrides: Partial<Config> = {}, clock: () => number = Date.now): Promise<RunningGateway> {
  const config: Config = { ...configFromEnv(process.env), ...overrides };
  const log = pino({ level: config.logLevel, base: { service: 'gateway' } });
  const db = openDatabase(config.dataDir);
  const stack: Array<() => void | Promise<void>> = [() => void db.close()];
  // Undo what started, newest first; used by stop() and by a failed start.
  const unwind = async () => {
    for (const undo of stack.reverse().splice(0)) {
      try {
        await undo();
      } catch (err) {
        log.error({ err }, 'shutdown step failed');
      }
    }
  };
  try {
    const marketData = marketDataFor(config);
    stack.push(() => marketData.stop());
    const instruments = marketData.instruments;

    seedClientBook(db, { seed: config.seed, instruments: instruments.all(), now: Date.now() });
    const clientBook = createClientBookStore(db);
    const bookPrice = latestPriceOf(marketData);
    const suitability = createSuitabilityHook({ store: clientBook, instrument: (s) => instruments.get(s), price: bookPrice, now: Date.now });
    await seedDemoUsers(db);
    const auth = await createAuthService({ db, advisorAccounts: (u) => clientBook.accountsOf(u) });

    // Pre-trade risk: a bad limits file stops the start here, naming each fault.
    const killSwitch = createKillSwitch(db);
    const riskLimits = loadRiskLimits(config.riskLimitsFile);
    let newestQuoteTs = 0;
    if (config.replayFile !== undefined) {
      const quoteClock = marketData.quotes$.subscribe((q) => {
        if (q.ts > newestQuoteTs) newestQuoteTs = q.ts;
      });
      stack.push(() => quoteClock.unsubscribe());
    }
    // Filled purchases use buying power too; fed from the journal below.
    const dailySpend = new DailySpend({ instrument: (s) => instruments.get(s), rateToBase: (c) => riskLimits.rateToBase(c) });
    const risk = createPreTradeRisk({
      limits: riskLimits,
      spentToday: (account) => dailySpend.spentToday(account, Date.now()),
      // A replay's quotes carry their recorded times: their age is measured against the newest one.
      ...(config.replayFile === undefined ? {} : { marketNow: () => newestQuoteTs }),
      instrument: (s) => instruments.get(s),
      quote: (s) => marketData.latest(s),
      // Read at check time, when the portfolio below exists.
      positionOf: (account, symbol) => suitability.positionOf(account, symbol) ?? portfolio.quantity(account, symbol),
      suitability: (req) => suitability.check(req),
      killSwitch,
      now: Date.now,
    });

    const journal = createJournal(db);
    const commits = createCommitQueue(journal, {
      mode: config.journalGroupCommit === false ? 'immediate' : 'group',
      onCommitFailed: (err, lost) =>
        log.fatal({ err, lost }, 'the order journal could not be written: those events were not announced; restart the gateway to recover from the journal'),
      onAnnounceFailed: (err) => log.error({ err }, 'an order event was journaled but announcing it failed'),
    });
    // The internal venue is the matching engine; the simulator's depth rests in it as a market maker.
    // Its trades and book changes reach the market data once the journal holds the fills that made them.
    const venue = createMatchingVenue(marketData, { schedulePublish: (publish) => commits.afterPending(publish) });
    stack.push(() => venue.stop());
    // FIX counterparties and the routing table over them (VENUES_FILE); without one every order stays internal.
    const venuesFile = config.venuesFile === undefined ? undefined : loadVenuesFile(config.venuesFile);
    const fixVenues = (venuesFile?.fix ?? []).map((c) => createFixVenue(c, { log: log.child({ module: 'fix' }) }));
    for (const f of fixVenues) stack.push(() => f.close());
    const router = createRoutingRouter(venuesFile?.routing ?? { rules: [], defaultVenue: venue.name }, [venue, ...fixVenues], instruments);
    // Stopped before the venues (the stack unwinds last in, first out): what is queued is made durable and announced while they still listen.
    stack.push(() => journal.close());
    stack.push(() => commits.stop());
    const oms = createOrderManager({
      commits,
      journal,
      router,
      instruments,
      touch: (symbol) => {
        const q = marketData.latest(symbol);
        return q && { bid: dec(q.bid), ask: dec(q.ask) };
      },
      risk,
      deskOf: (trader) => DEMO_USERS.find((u) => u.username === trader)?.desk,
      onPlaced: (order, warnings, justification) => suitability.onPlaced(order, warnings, justification),
      now: clock,
      log: log.child({ module: 'oms' }),
    });
    stack.push(() => oms.stop());
    const bookService = createClientBookService({ store: clientBook, instrument: (s) => instruments.get(s), price: bookPrice, now: Date.now });
    const rebalance = createRebalanceDesk({
      store: clientBook,
      book: bookService,
      oms,
      instrument: (s) => instruments.get(s),
      price: bookPrice,
      now: Date.now,
      log: log.child({ module: 'clientbook' }),
    });
    rebalance.start();
    stack.push(() => rebalance.stop());
    // Setting a kill switch cancels the working orders of its scope.
    killSwitch.setCanceller((_by, scope) => oms.cancelAll('system', scope));
    const spendOf = (e: Execution) => ({ account: e.order.account, symbol: e.order.symbol, side: e.order.side, quantity: e.lastQty, price: e.lastPx, ts: e.ts });
    for (const e of oms.executions()) if (e.execType === 'trade') dailySpend.apply(spendOf(e));
    const spendFeed = oms.updates$.subscribe((u) => {
      if (u.kind === 'execReport' && u.execution.execType === 'trade') dailySpend.apply(spendOf(u.execution));
    });
    stack.push(() => spendFeed.unsubscribe());
    const portfolio = createPortfolioService({
      pastFills: oms.executions().filter((e) => e.execType === 'trade').map((e) => ({ ...fillOf(e), orderId: e.order.orderId })),
      fills$: oms.updates$.pipe(
        filter((u) => u.kind === 'execReport' && u.execution.execType === 'trade'),
        map((u) => {
          const e = (u as Extract<typeof u, { kind: 'execReport' }>).execution;
          return { ...fillOf(e), orderId: e.order.orderId };
        }),
      ),
      // Block allocations move the position from the block account to the client accounts.
      pastAllocations: rebalance.pastAllocations(),
      allocations$: rebalance.allocations$,
      // Only block orders (in a block account) are allocated: no other order's filled quantity is counted.
      allocatable: (f) => f.account.startsWith(BLOCK_ACCOUNT_PREFIX),
      instrument: (s) => instruments.get(s),
      canSee,
      startOfDay: config.startOfDayFile === 'none' ? [] : loadStartOfDay(config.startOfDayFile ?? DEFAULT_START_OF_DAY_FILE, instruments),
      quotes$: marketData.quotes$,
      latest: (s) => marketData.latest(s),
      fxPairs: instruments.all().filter((i) => i.assetClass === 'fx'),
    });
    stack.push(() => portfolio.stop());
    const deskOf = new Map(DEMO_USERS.map((u) => [u.username, u.desk]));
    const desk = createDeskFeed({
      portfolio,
      limits: loadLimits(config.deskLimitsFile ?? DEFAULT_LIMITS_FILE),
      deskOf: (trader) => deskOf.get(trader) ?? 'Unassigned',
      now: Date.now,
      // A trader's breach puts them into REDUCING (unless a switch already governs them): only risk-reducing orders pass.
      onTraderBreach: (trader, message) => {
        if (killSwitch.modeFor({ username: trader, desk: deskOf.get(trader) ?? '' }) !== 'active') return null;
        const answer = killSwitch.set('system', { kind: 'trader', trader }, 'reducing', message);
        return answer.ok ? `${trader} set to REDUCING (${answer.canceled} working order${answer.canceled === 1 ? '' : 's'} canceled)` : null;
      },
    });
    stack.push(() => desk.stop());

    const services: GatewayServices = {
      login: (username, password) => auth.login(username, password),
      marketData,
      oms,
      portfolio,
      desk,
      clientBook: { legacy: (user) => clientBookFor(clientBook, user), service: bookService, rebalance },
      risk: { killSwitch, limitsView: (user) => risk.limitsView(user, oms.snapshot(user).orders.filter((o) => !isTerminal(o.status))) },
    };
    const server = createServer(createHttpHandler(config.staticDir, log));
    const ws = createWsGateway(server, services, log.child({ module: 'transport' }), transportOptions(config));
    stack.push(
      () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
    );
    stack.push(() => ws.stop());
    await listen(server, config.port, config.host);

    const resubmitted = oms.resubmitWorking();
    // DAY orders expire at their session's close, GTD orders at their expiry: checked every second.
    const expiryTimer = setInterval(() => oms.expireDue(clock()), 1000);
    expiryTimer.unref();
    stack.push(() => clearInterval(expiryTimer));
    marketData.start();
    const port = (server.address() as AddressInfo).port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    log.info({ port, host: config.host, dataDir: resolve(config.dataDir), resubmitted }, 'gateway listening');

    let stopping: Promise<void> | undefined;
    return {
      port,
      url: `http://${shownHost}:${port}/`,
      wsUrl: `ws://${shownHost}:${port}/ws`,
      config,
      marketData,
      transportStats: () => ws.fanoutStats(),
      placedOrdersFollowed: () => ws.placedOrdersFollowed(),
      stop: () => (stopping ??= unwind().then(() => log.info('gateway stopped'))),
    };
  } catch (err) {
    await unwind();
    throw err;
  }
}

/** Errors that name a fault in the configuration or one of its files. */
const SETTING_ERRORS = new Set(['FixVenueConfigError', 'LimitsConfigError', 'RoutingTableError', 'StartOfDayError', 'VenuesFileError', 'ReplayFileError', 'InstrumentFileError']);

async function runAsScript(): Promise<void> {
  let gateway: RunningGateway;
  try {
    gateway = await startGateway();
  } catch (err) {
    // A bad setting or file is the user's to fix: say what is wrong, not where in the code it was found.
    const settingFault = err instanceof ConfigError || (err instanceof Error && SETTING_ERRORS.has(err.name));
    console.error(settingFault ? (err as Error).message : err);
    process.exit(1);
  }
  // A throw inside an Rx subscriber would otherwise be rethrown on a timer and kill the process.
  rxConfig.onUnhandledError = (err) => console.error('unhandled error in a stream', err);
  console.log(`Terminal ready at ${gateway.url}`);
  console.log(`Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}`);
  const shutdown = () => void gateway.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void runAsScript();
}
