import { useState } from 'react';
import { ExecutionBlotter } from './ExecutionBlotter.tsx';
import { OrderBlotter } from './OrderBlotter.tsx';

type Tab = 'orders' | 'executions';

/** Orders and executions under one panel; a desk head sees the trader column and no Cancel button. */
export function Blotters({ desk }: { desk: boolean }) {
  const [tab, setTab] = useState<Tab>('orders');
  return (
    <section className="panel blotters" data-testid="blotters">
      <div className="panel-head">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'orders'} className={tab === 'orders' ? 'on' : ''} onClick={() => setTab('orders')} data-testid="tab-orders">
            Orders
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'executions'}
            className={tab === 'executions' ? 'on' : ''}
            onClick={() => setTab('executions')}
            data-testid="tab-executions"
          >
            Executions
          </button>
        </div>
      </div>
      <div className="panel-body">{tab === 'orders' ? <OrderBlotter desk={desk} /> : <ExecutionBlotter desk={desk} />}</div>
    </section>
  );
}
