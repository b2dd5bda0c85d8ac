import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp } from 'antd';
import { App } from './App';
import { I18nProvider } from './ui/i18n';
import { SessionProvider } from './ui/session';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <AntApp style={{ minHeight: '100vh' }}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </AntApp>
    </I18nProvider>
  </StrictMode>,
);
