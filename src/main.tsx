import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { registerGridModules } from './grid/gridSetup.ts';
import { Connection } from './streams/connection.ts';
import { wsUrlFor } from './streams/wsUrl.ts';
import './styles/terminal.css';

// The composition root of the terminal: the one connection is made here and opens on the first login.
registerGridModules();
const connection = new Connection({ url: wsUrlFor(window.location) });
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App connection={connection} />
  </StrictMode>,
);
