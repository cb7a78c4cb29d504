import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EMPTY, type Observable, type Subscription } from 'rxjs';
import { useSession } from '../app/sessionContext.ts';
import { useObservable } from '../app/useObservable.ts';
import { markStale } from '../streams/staleQuotes.ts';
import { ORDER_TYPES, SIDE_LABEL, TIF_LABEL, TIME_IN_FORCE, ORDER_TYPE_LABEL, type Side, bookSide, hasLimitPrice, hasStopPrice } from '../core/order.ts';
import type { QuoteWire } from '../core/protocol.ts';
import { type TicketContext, type TicketDraft, type TicketField, validateTicket } from '../core/ticket.ts';
import { browserStore, defaultAccount, readLastAccount, rememberAccount } from './defaultAccount.ts';
import { FieldError } from './FieldError.tsx';
import { sessionClOrdId } from './clOrdId.ts';
import { ConfirmDialog } from './Modal.tsx';
import { orderSummary } from './orderSummary.ts';
import { SendStatus } from './SendStatus.tsx';
import type { SendState } from './sendState.ts';
import { TicketFigures } from './TicketFigures.tsx';
import { type TicketForm, draftOf, errorsByField, estimatedNotional, initialForm, stepText, typedPrice } from './ticketDraft.ts';
import { TicketQuote } from './TicketQuote.tsx';
import { ticketIntent$ } from './ticketIntent.ts';
import { FALLBACK_THRESHOLDS, type WarningThresholds, needsConfirmation, ticketWarnings } from './ticketWarnings.ts';
import { useRiskLimits } from './useRiskLimits.ts';
import { buyingPowerAfter, buyingPowerShortText, toBase } from './buyingPower.ts';
import { orderLimitWarnings, withOrderLimitWarnings } from './orderLimitWarnings.ts';
import { useTicketHotkeys } from './useTicketHotkeys.ts';
import { WarningPanel } from './WarningPanel.tsx';

const ALL_FIELDS: readonly TicketField[] = ['symbol', 'side', 'type', 'quantity', 'limitPrice', 'stopPrice', 'account', 'tif', 'expireAt', 'locate'];
const SIDES_SHOWN: readonly Side[] = ['buy', 'sell', 'sellShort'];
const SIDE_KEY: Partial<Record<Side, string>> = { buy: 'F1', sell: 'F2' };
const REVEALED_BY: Partial<Record<TicketField, TicketField>> = { locate: 'side', expireAt: 'tif', stopPrice: 'type' };
/** A blocking warning (a hard limit) or a buying-power shortfall: the gateway refuses such an order. */
function willBeRefused(warnings: readonly { blocking: boolean }[], bp: { kind: string; short?: boolean }): boolean {
  return warnings.some((w) => w.blocking) || (bp.kind === 'known' && bp.short === true);
}

/** What a kill switch on this trader means for them, under the ticket's badge. */
const MODE_NOTICE: Record<'halted' | 'reducing', string> = {
  halted: 'Kill switch: your desk head has HALTED your trading. New orders are refused and your working orders were canceled.',
  reducing: 'Kill switch: REDUCING only. Only orders that bring a position towards flat are accepted; your working orders were canceled.',
};

interface Props {
  symbol: string;
  /**
   * The accounts this ticket trades for: a client's, in an advisor's client view. Without it every account of
   * the user's, which for an advisor is every client's: the ticket opened on another client's account.
   */
  accounts?: readonly string[] | undefined;
  /** The ticket's symbol became a known one: the workspace selects it for the other panels. */
  onSymbol(symbol: string): void;
}

export function OrderTicket({ symbol, onSymbol, accounts }: Props) {
  const session = useSession();
  const { user } = session;
  const store = useMemo(() => browserStore(), []);
  const tradable = accounts ?? user.accounts;
  const startAccount = useMemo(() => defaultAccount(tradable, readLastAccount(store, user.username)), [tradable, user, store]);
  const [form, setForm] = useState<TicketForm>(() => initialForm(symbol, startAccount, session.instrument(symbol)?.lotSize));
  // Errors show under a field once the trader has touched it (or tried to send), not on a blank ticket.
  const [touched, setTouched] = useState<ReadonlySet<TicketField>>(new Set());
  const [send, setSend] = useState<SendState>({ status: 'idle' });
  const nextClOrdId = useMemo(() => sessionClOrdId(user.username), [user.username]);
  const ticketRef = useRef<HTMLElement>(null);
  const quantityInput = useRef<HTMLInputElement>(null);
  const pending = useRef<Subscription | null>(null);
  useEffect(() => () => pending.current?.unsubscribe(), []);

  useEffect(() => {
    setForm((f) => (f.symbol === symbol ? f : { ...f, symbol, limitPrice: '', stopPrice: '' }));
  }, [symbol]);

  // Another panel (the depth ladder) asks for a side and a limit price: fill them in, send nothing.
  useEffect(() => {
    const sub = ticketIntent$.subscribe(({ symbol: s, side, price }) => {
      setForm((f) => ({
        ...f,
        symbol: s,
        ...(side ? { side } : {}),
        ...(price !== undefined ? { type: f.type === 'stopLimit' ? f.type : ('limit' as const), limitPrice: price } : {}),
      }));
      if (price !== undefined) setTouched((t) => new Set(t).add('limitPrice'));
      if (session.instrument(s)) onSymbol(s);
    });
    return () => sub.unsubscribe();
  }, [session, onSymbol]);

  const instrument = session.instrument(form.symbol.trim().toUpperCase());
  const quote$ = useMemo((): Observable<QuoteWire> => (instrument ? session.quote(instrument.symbol) : EMPTY), [session, instrument]);
  const quote = useObservable<QuoteWire | undefined>(quote$, undefined);
  const marked$ = useMemo(() => markStale(quote$, session.freshness$), [quote$, session]);
  const quoteStale = useObservable(marked$, { quote: undefined, stale: false }).stale;
  const limits = useRiskLimits(session);
  const ctx = useMemo((): TicketContext => ({ instrument: (s) => session.instrument(s), accounts: tradable }), [session, tradable]);
  // Another client opened in the same ticket: its account, never the last client's.
  useEffect(() => {
    setForm((f) => (tradable.includes(f.account) ? f : { ...f, account: startAccount }));
  }, [tradable, startAccount]);
  const draft = useMemo(() => draftOf(form), [form]);
  const result = useMemo(() => validateTicket(draft, ctx), [draft, ctx]);
  const errors = errorsByField(result);
  // A field that appears because of another choice (a locate for a short sale, an expiry for GTD, a stop
  // price for a stop) says what it needs as soon as it appears: the trader has just asked for it.
  const shown = (field: TicketField): string | undefined => (touched.has(field) || touched.has(REVEALED_BY[field] ?? field) ? errors[field] : undefined);

  const thresholds: WarningThresholds = limits
    ? { warnNotional: limits.warnNotional, warnCollarPercent: limits.warnCollarPercent, collarPercent: limits.collarPercent, baseCurrency: limits.baseCurrency }
    : FALLBACK_THRESHOLDS;
  const notional = estimatedNotional(result, form, quote, instrument);
  const baseNotional = notional && instrument ? toBase(notional, instrument.currency, thresholds.baseCurrency, limits?.fxRates ?? {}) : undefined;
  const warnings = instrument
    ? withOrderLimitWarnings(
        orderLimitWarnings(
          { account: form.account, quantity: result.ok ? result.order.quantity : undefined, baseNotional, baseCurrency: thresholds.baseCurrency },
          limits?.orderLimits ?? [],
        ),
        ticketWarnings({ symbol: instrument.symbol, side: form.side, price: typedPrice(form), baseNotional }, quote, thresholds),
      )
    : [];
  // The confirmation repeats what the figures say the gateway will refuse: a trader confirming a large order reads it there.
  const bp = buyingPowerAfter(limits, form.account, form.side, notional && instrument ? { notional, currency: instrument.currency } : undefined);
  const confirmLines = [...warnings.map((w) => w.message), ...(bp.kind === 'known' && bp.short ? [buyingPowerShortText(form.account)] : [])];

  function edit<K extends keyof TicketForm & TicketField>(field: K, value: TicketForm[K]): void {
    setForm((f) => ({ ...f, [field]: value }));
    setTouched((t) => new Set(t).add(field));
  }

  const reset = useCallback((): void => {
    setForm((f) => initialForm(f.symbol, f.account, session.instrument(f.symbol.trim().toUpperCase())?.lotSize));
    setTouched(new Set());
  }, [session]);

  /** Sends the draft; `confirm` after the trader accepted the warnings (the ticket's or the gateway's). */
  function place(toSend: TicketDraft, summary: string, confirm: { confirm?: boolean; justification?: string } = {}): void {
    const clOrdId = nextClOrdId();
    setSend({ status: 'sending', clOrdId, summary });
    rememberAccount(store, user.username, toSend.account);
    pending.current?.unsubscribe();
    pending.current = session.placeOrder(clOrdId, toSend, confirm).subscribe({
      next: (msg) => {
        if (msg.type === 'orderWarning') {
          setSend({ status: 'warned', clOrdId, summary, draft: toSend, warnings: msg.warnings });
          return;
        }
        const { report } = msg;
        setSend(
          report.order.status === 'rejected'
            ? { status: 'rejected', clOrdId, summary, text: report.order.text }
            : { status: 'accepted', clOrdId, orderId: report.order.orderId, summary },
        );
      },
      error: (err: unknown) => setSend({ status: 'failed', summary, message: err instanceof Error ? err.message : String(err) }),
    });
  }

  function trySend(): void {
    if (!result.ok) {
      setTouched(new Set(ALL_FIELDS));
      return;
    }
    if (send.status === 'sending' || send.status === 'confirming') return;
    const summary = orderSummary(result.order, instrument);
    if (needsConfirmation(baseNotional, thresholds)) {
      setSend({ status: 'confirming', summary, draft, lines: confirmLines, willBeRefused: willBeRefused(warnings, bp) });
      return;
    }
    place(draft, summary);
  }

  function submit(e: FormEvent): void {
    e.preventDefault();
    trySend();
  }

  // The hotkeys see the latest form through a ref: the window listener is added once.
  const latest = useRef({ trySend, send, reset });
  latest.current = { trySend, send, reset };
  const hotkeys = useMemo(
    () => ({
      buy: () => {
        setForm((f) => ({ ...f, side: 'buy' }));
        quantityInput.current?.select();
      },
      sell: () => {
        setForm((f) => ({ ...f, side: 'sell' }));
        quantityInput.current?.select();
      },
      send: () => latest.current.trySend(),
      escape: () => {
        const s = latest.current.send;
        if (s.status === 'confirming' || s.status === 'warned') setSend({ status: 'idle' });
        else latest.current.reset();
      },
    }),
    [],
  );
  useTicketHotkeys(hotkeys, ticketRef);

  function stepKey(e: KeyboardEvent<HTMLInputElement>, field: 'quantity' | 'limitPrice' | 'stopPrice'): void {
    if (!instrument || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const step = field === 'quantity' ? instrument.lotSize : instrument.tickSize;
    edit(field, stepText(form[field], step, e.key === 'ArrowUp' ? 1 : -1));
  }

  const priceInput = (field: 'limitPrice' | 'stopPrice', label: string, used: boolean) => (
    <label>
      {label}
      <input
        data-testid={field === 'limitPrice' ? 'ticket-limit-price' : 'ticket-stop-price'}
        inputMode="decimal"
        value={used ? form[field] : ''}
        placeholder={used ? '' : '—'}
        disabled={!used}
        onChange={(e) => edit(field, e.target.value)}
        onKeyDown={(e) => stepKey(e, field)}
        aria-invalid={used && shown(field) !== undefined}
      />
      <FieldError field={field} message={used ? shown(field) : undefined} />
    </label>
  );

  return (
    <section className="panel ticket" data-testid="ticket" ref={ticketRef} tabIndex={-1}>
      <div className="panel-head">
        <h2>Order ticket</h2>
        {limits && limits.mode !== 'active' && (
          <span className="bad trading-mode" data-testid="ticket-mode">
            {limits.mode === 'halted' ? 'Trading halted' : 'Reducing only'}
          </span>
        )}
      </div>
      {limits && limits.mode !== 'active' && (
        // The badge alone said "Trading halted" while ten orders turned Canceled in the blotter with no word of why.
        <p className="ticket-mode-notice bad" data-testid="ticket-mode-notice" role="alert">
          {MODE_NOTICE[limits.mode]}
        </p>
      )}
      <form className={`panel-body ticket-form side-${bookSide(form.side)}`} onSubmit={submit} noValidate>
        <div className="row2">
          <label>
            Symbol
            <input
              data-testid="ticket-symbol"
              value={form.symbol}
              spellCheck={false}
              list="catalog-symbols"
              onChange={(e) => {
                const text = e.target.value.toUpperCase();
                edit('symbol', text);
                if (session.instrument(text.trim())) onSymbol(text.trim());
              }}
            />
            <FieldError field="symbol" message={form.symbol.trim() === '' ? shown('symbol') : errors.symbol} />
          </label>
          <label>
            Account
            <select data-testid="ticket-account" value={form.account} onChange={(e) => edit('account', e.target.value)}>
              {tradable.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
            <FieldError field="account" message={shown('account')} />
          </label>
        </div>

        <div className="segmented side" role="group" aria-label="Side">
          {SIDES_SHOWN.map((s) => (
            <button
              key={s}
              type="button"
              className={form.side === s ? `on ${bookSide(s)}` : ''}
              aria-pressed={form.side === s}
              onClick={() => edit('side', s)}
              data-testid={s === 'sellShort' ? 'ticket-short' : `ticket-${s}`}
            >
              {SIDE_LABEL[s]} {SIDE_KEY[s] && <kbd>{SIDE_KEY[s]}</kbd>}
            </button>
          ))}
        </div>
        {errors.side && touched.has('side') && <FieldError field="side" message={errors.side} />}

        <div className="segmented" role="group" aria-label="Order type">
          {ORDER_TYPES.map((t) => (
            <button
              key={t}
              type="button"
              className={form.type === t ? 'on' : ''}
              aria-pressed={form.type === t}
              onClick={() => edit('type', t)}
              data-testid={t === 'stopLimit' ? 'ticket-stop-limit' : `ticket-${t}`}
            >
              {ORDER_TYPE_LABEL[t]}
            </button>
          ))}
        </div>

        <div className="row2">
          <label>
            Quantity
            <input
              ref={quantityInput}
              data-testid="ticket-quantity"
              inputMode="decimal"
              value={form.quantity}
              onChange={(e) => edit('quantity', e.target.value)}
              onKeyDown={(e) => stepKey(e, 'quantity')}
              aria-invalid={shown('quantity') !== undefined}
            />
            <FieldError field="quantity" message={shown('quantity')} />
          </label>
          {priceInput('limitPrice', 'Limit price', hasLimitPrice(form.type))}
        </div>

        <div className="row2">
          {priceInput('stopPrice', 'Stop price', hasStopPrice(form.type))}
          <label>
            Time in force
            <select data-testid="ticket-tif" value={form.tif} onChange={(e) => edit('tif', e.target.value as TicketForm['tif'])}>
              {TIME_IN_FORCE.map((t) => (
                <option key={t} value={t}>
                  {TIF_LABEL[t]}
                </option>
              ))}
            </select>
            <FieldError field="tif" message={errors.tif && (touched.has('tif') || touched.has('type')) ? errors.tif : undefined} />
          </label>
        </div>

        {(form.tif === 'gtd' || form.side === 'sellShort') && (
          <div className="row2">
            {form.tif === 'gtd' ? (
              <label>
                Expires
                <input
                  type="datetime-local"
                  data-testid="ticket-expire-at"
                  value={form.expireAt}
                  onChange={(e) => edit('expireAt', e.target.value)}
                  aria-invalid={shown('expireAt') !== undefined}
                />
                <FieldError field="expireAt" message={shown('expireAt')} />
              </label>
            ) : (
              <span />
            )}
            {form.side === 'sellShort' && (
              <label>
                Locate
                <input
                  data-testid="ticket-locate"
                  value={form.locate}
                  spellCheck={false}
                  placeholder="locate id"
                  onChange={(e) => edit('locate', e.target.value)}
                  aria-invalid={shown('locate') !== undefined}
                />
                <FieldError field="locate" message={shown('locate')} />
              </label>
            )}
          </div>
        )}

        <TicketQuote
          quote={quote}
          stale={quoteStale}
          instrument={instrument}
          onTake={(side, price) => {
            // Taking a price makes a limit (or keeps a stop limit's trigger and sets its limit).
            setForm((f) => ({ ...f, side, type: f.type === 'stopLimit' ? f.type : 'limit', limitPrice: price }));
            setTouched((t) => new Set(t).add('limitPrice'));
          }}
        />

        <TicketFigures notional={notional} currency={instrument?.currency} limits={limits} account={form.account} side={form.side} warnings={warnings} />

        <button type="submit" className={`send ${bookSide(form.side)}`} data-testid="ticket-send" disabled={!result.ok || send.status === 'sending'}>
          {result.ok ? orderSummary(result.order, instrument) : `${SIDE_LABEL[form.side]} ${form.symbol || '…'}`}
          <kbd>Enter</kbd>
        </button>
        <SendStatus state={send} />
        <p className="hotkeys muted" data-testid="ticket-hotkeys">
          <kbd>F1</kbd>/<kbd>B</kbd> buy · <kbd>F2</kbd>/<kbd>S</kbd> sell · <kbd>Enter</kbd> send · <kbd>Esc</kbd> clear · <kbd>↑↓</kbd> tick or lot
        </p>
      </form>
      {send.status === 'warned' && (
        <WarningPanel
          state={send}
          onSendAnyway={(justification) => place(send.draft, send.summary, { confirm: true, ...(justification ? { justification } : {}) })}
          onBack={() => setSend({ status: 'idle' })}
        />
      )}
      {send.status === 'confirming' && (
        <ConfirmDialog
          // A large order the gateway will refuse (over a hard limit) is not asked about as merely "large".
          title={send.willBeRefused ? 'The gateway will refuse this order' : 'Confirm a large order'}
          testId="ticket-confirm"
          lines={[send.summary, ...send.lines]}
          confirmLabel={send.willBeRefused ? 'Send anyway' : 'Send'}
          onConfirm={() => place(send.draft, send.summary, { confirm: true })}
          onCancel={() => setSend({ status: 'idle' })}
        />
      )}
    </section>
  );
}
