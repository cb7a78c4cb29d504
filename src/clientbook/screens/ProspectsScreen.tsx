import { type FormEvent, useMemo, useState } from 'react';
import { catchError, map, merge, of, startWith, switchMap, Subject } from 'rxjs';
import { useSession } from '../../app/sessionContext.ts';
import { useObservable } from '../../app/useObservable.ts';
import { isDecimalString } from '../../core/decimal.ts';
import type { ProspectWire } from '../../core/protocol/clientBook.ts';
import { type Loadable, errorText } from '../../streams/clientBook.ts';
import { formatDay, riskText } from '../bookFormat.ts';
import { CommandStatus } from '../CommandStatus.tsx';
import { LoadState } from '../LoadState.tsx';
import { useCommand } from '../useCommand.ts';

const LOADING: Loadable<ProspectWire[]> = { state: 'loading' };

/** People who may become clients: add one, and open their client record and first account when they sign. */
export function ProspectsScreen({ onOpenClient }: { onOpenClient: (clientId: string) => void }) {
  const session = useSession();
  const reload = useMemo(() => new Subject<void>(), []);
  const prospects$ = useMemo(
    () =>
      merge(reload, session.book.events$).pipe(
        startWith(null),
        switchMap(() =>
          session.book.request<'prospects'>({ type: 'prospects' }).pipe(
            map((m): Loadable<ProspectWire[]> => ({ state: 'ready', value: [...m.prospects].sort((a, b) => b.createdAt - a.createdAt) })),
            catchError((err: unknown) => of<Loadable<ProspectWire[]>>({ state: 'error', message: errorText(err) })),
          ),
        ),
      ),
    [session, reload],
  );
  const prospects = useObservable(prospects$, LOADING);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [source, setSource] = useState('');
  const add = useCommand<{ prospect: ProspectWire }>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.run(session.book.request<'addProspect'>({ type: 'addProspect', name: name.trim(), email: email.trim(), phone: phone.trim(), source: source.trim() }), (a) => {
      setName('');
      setEmail('');
      setPhone('');
      setSource('');
      reload.next();
      return `Prospect ${a.prospect.name} added`;
    });
  };
  return (
    <div className="prospects" data-testid="prospects">
      <section className="panel">
        <div className="panel-head">
          <h2>Prospects</h2>
        </div>
        <div className="panel-scroll">
          {prospects.state !== 'ready' ? (
            <LoadState state={prospects.state} message={prospects.state === 'error' ? prospects.message : undefined} what="prospects" />
          ) : (
            <table className="plain-table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Contact</th>
                  <th>Source</th>
                  <th>Since</th>
                  <th>Becomes a client</th>
                </tr>
              </thead>
              <tbody>
                {prospects.value.length === 0 && (
                  <tr>
                    <td colSpan={5} className="muted">
                      No prospect yet.
                    </td>
                  </tr>
                )}
                {prospects.value.map((p) => (
                  <ProspectRow key={p.prospectId} prospect={p} onOpenClient={onOpenClient} onConverted={() => reload.next()} />
                ))}
              </tbody>
            </table>
          )}
        </div>
      </section>
      <section className="panel prospect-add">
        <div className="panel-head">
          <h2>New prospect</h2>
        </div>
        <form className="crm-form" onSubmit={submit} data-testid="prospect-form">
          <input placeholder="Name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="prospect-name" />
          <input placeholder="Email" value={email} maxLength={200} onChange={(e) => setEmail(e.target.value)} />
          <input placeholder="Phone" value={phone} maxLength={64} onChange={(e) => setPhone(e.target.value)} />
          <input placeholder="Source (referral, event…)" value={source} maxLength={200} onChange={(e) => setSource(e.target.value)} />
          <button type="submit" className="primary" disabled={name.trim() === '' || add.status.state === 'sending'} data-testid="prospect-submit">
            Add prospect
          </button>
          <CommandStatus status={add.status} testId="prospect-status" />
        </form>
      </section>
    </div>
  );
}

function ProspectRow({ prospect, onOpenClient, onConverted }: { prospect: ProspectWire; onOpenClient: (id: string) => void; onConverted: () => void }) {
  const { book } = useSession();
  const [risk, setRisk] = useState(prospect.riskTolerance ?? 3);
  const [deposit, setDeposit] = useState('100000');
  const cmd = useCommand<{ client: { clientId: string } }>();
  const depositOk = isDecimalString(deposit.replace(/,/g, ''));
  const convert = () =>
    cmd.run(
      book.request<'convertProspect'>({ type: 'convertProspect', prospectId: prospect.prospectId, riskTolerance: risk, accountType: 'Individual', initialDeposit: deposit.replace(/,/g, '') }),
      (a) => {
        onConverted();
        return `Client ${a.client.clientId} opened`;
      },
    );
  return (
    <tr>
      <td className="strong">{prospect.name}</td>
      <td className="muted">{[prospect.email, prospect.phone].filter(Boolean).join(' · ')}</td>
      <td className="muted">{prospect.source}</td>
      <td className="muted">{formatDay(prospect.createdAt)}</td>
      <td>
        {prospect.clientId ? (
          <button type="button" className="link" onClick={() => prospect.clientId && onOpenClient(prospect.clientId)}>
            Client {prospect.clientId} →
          </button>
        ) : (
          <span className="convert">
            <select value={risk} onChange={(e) => setRisk(Number(e.target.value))} aria-label="Risk tolerance">
              {[1, 2, 3, 4, 5].map((r) => (
                <option key={r} value={r}>
                  {riskText(r)}
                </option>
              ))}
            </select>
            <input className="short" value={deposit} onChange={(e) => setDeposit(e.target.value)} aria-label="First deposit" />
            <button type="button" className="small-button" disabled={!depositOk || cmd.status.state === 'sending'} onClick={convert}>
              Convert
            </button>
            <CommandStatus status={cmd.status} />
          </span>
        )}
      </td>
    </tr>
  );
}
