import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/config/config.ts';
import { DIST, ensureBuilt, launchChromium, loginAs, SHOTS } from './browser.ts';
import { freshDataDir, type TestGateway, startTestGateway } from './gateway.ts';
import { connect, type TestClient } from './wsClient.ts';

/*
 * One browser test file's world: the built terminal, a real gateway serving
 * it, Chromium, and whatever pages and protocol sessions the file drives,
 * set up once before the file's tests and torn down after them.
 */

export interface Viewport {
  width: number;
  height: number;
}

/** How a page is opened: the file's defaults, overridden per page. */
export interface PageOptions {
  /** 1600×960 unless set. */
  viewport?: Viewport;
  /** How long a single page action or read may take before it fails (5 s unless set). */
  defaultTimeoutMs?: number;
  /** Lets the page's downloads be saved (an export test reads them). */
  acceptDownloads?: boolean;
  /** Logs this demo user in once the login screen is up; without it the page stays on the login screen. */
  user?: string;
  /** Runs before the page first loads the terminal: listeners, init scripts, routes that must see the first request. */
  beforeLoad?: (page: Page) => void | Promise<void>;
}

export interface BrowserSessionOptions extends Omit<PageOptions, 'user' | 'beforeLoad'> {
  /**
   * The gateway's settings over the test defaults (startTestGateway); it always serves dist/.
   * A function is called in beforeAll with the gateway's fresh data directory, to write the
   * files it names (limits, start-of-day positions) there: they go when the gateway's data does.
   */
  gateway?: Partial<Config> | ((dataDir: string) => Partial<Config>);
  /** Opens one page for the whole file, logged in as this user: `session.page`. */
  user?: string;
  /** Protocol sessions (TestClient) logged in as these users, for orders the test places behind the browser's back: `session.client(user)`. */
  clients?: readonly string[];
  /** Names the screenshots `<prefix>-01-<name>.png`, numbered in the order taken (`session.screenshot`). */
  screenshotPrefix?: string;
}

export interface BrowserSession {
  readonly gateway: TestGateway;
  readonly browser: Browser;
  /** The file's page (the `user` option). */
  readonly page: Page;
  /** The protocol session logged in as `user` (the `clients` option). */
  client(user: string): TestClient;
  /** A new page on the terminal, with the file's defaults and these overrides. */
  openPage(options?: PageOptions): Promise<Page>;
  /** Saves a screenshot to test-results/ as `<prefix>-NN-<name>.png`. */
  screenshot(page: Page, name: string): Promise<void>;
  /** Stops the gateway and keeps its database, as a crash or a deploy would. */
  stopGateway(): Promise<void>;
  /** Starts the stopped gateway again on the same port and database. */
  restartGateway(): Promise<void>;
}

const DEFAULT_VIEWPORT: Viewport = { width: 1600, height: 960 };
// The build, the gateway and Chromium may all start on a shared, busy machine.
const SETUP_TIMEOUT_MS = 180_000;

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not there: it is set up in beforeAll (is useBrowserSession given it?)`);
  return value;
}

/** Registers the file's beforeAll/afterAll and returns the session they fill in; call it once at the top of a test file. */
export function useBrowserSession(options: BrowserSessionOptions = {}): BrowserSession {
  const { gateway: gatewayOption = {}, user, clients = [], screenshotPrefix, ...pageDefaults } = options;
  let gatewaySettings: Partial<Config> = {};
  let gateway: TestGateway | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const clientsByUser = new Map<string, TestClient>();
  let shot = 0;

  const startGateway = async (dataDir: string, port?: number): Promise<void> => {
    gateway = await startTestGateway({ ...gatewaySettings, staticDir: DIST, dataDir, ...(port === undefined ? {} : { port }) });
  };

  const session: BrowserSession = {
    get gateway() {
      return defined(gateway, 'The gateway');
    },
    get browser() {
      return defined(browser, 'The browser');
    },
    get page() {
      return defined(page, 'The page (option `user`)');
    },
    client(name) {
      return defined(clientsByUser.get(name), `The protocol session of ${name} (option \`clients\`)`);
    },
    async openPage(overrides = {}) {
      const { viewport = DEFAULT_VIEWPORT, defaultTimeoutMs = 5_000, acceptDownloads, user: loginUser, beforeLoad } = { ...pageDefaults, ...overrides };
      const opened = await session.browser.newPage({ viewport, ...(acceptDownloads === undefined ? {} : { acceptDownloads }) });
      // Reads inside `eventually` retry; a single read should not hang the poll.
      opened.setDefaultTimeout(defaultTimeoutMs);
      opened.on('pageerror', (err) => console.error('[browser]', err.message));
      await beforeLoad?.(opened);
      await opened.goto(session.gateway.url);
      if (loginUser !== undefined) await loginAs(opened, loginUser);
      return opened;
    },
    async screenshot(target, name) {
      shot += 1;
      const prefix = defined(screenshotPrefix, 'The screenshot prefix (option `screenshotPrefix`)');
      await target.screenshot({ path: join(SHOTS, `${prefix}-${String(shot).padStart(2, '0')}-${name}.png`) });
    },
    async stopGateway() {
      await session.gateway.dispose({ keepData: true });
    },
    async restartGateway() {
      const { port, dataDir } = session.gateway;
      await startGateway(dataDir, port);
    },
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureBuilt();
    const dataDir = freshDataDir();
    gatewaySettings = typeof gatewayOption === 'function' ? gatewayOption(dataDir) : gatewayOption;
    await startGateway(dataDir);
    browser = await launchChromium();
    if (user !== undefined) page = await session.openPage({ user });
    for (const name of clients) {
      const client = await connect(session.gateway.wsUrl);
      clientsByUser.set(name, client);
      await client.login(name);
    }
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    for (const client of clientsByUser.values()) await client.close();
    await browser?.close();
    // Safe after stopGateway too: stopping twice is a no-op, and the data directory goes either way.
    await gateway?.dispose();
  });

  return session;
}
