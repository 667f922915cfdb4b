// A React host page as a host team writes one: the wrappers from `optout-elements/react`, resolved
// through the package's exports to dist/, bundled by esbuild in the test's setup. The client is an
// object property (an attribute could not carry it) signed in as an agent, and every outcome
// the host hears through an on… callback is written to its own log.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { HttpOptOutClient } from 'optout-elements';
import { ContactActionsMenu, ContactPreferences, OptOutProvider } from 'optout-elements/react';

const client = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-agent' });

function ContactPage({ contactId }) {
  const [log, setLog] = useState([]);
  const heard = (line) => setLog((lines) => [...lines, line]);
  return (
    <main>
      <h1>Contact page</h1>
      <OptOutProvider client={client}>
        <ContactActionsMenu
          contactId={contactId}
          hideUnavailable
          onOptoutUnsubscribeRequest={(e) => heard(`asked to unsubscribe ${e.contactId}`)}
          onOptoutUnsubscribe={(e) => heard(`${e.contact.contact.name} unsubscribed from ${e.channelIds ? e.channelIds.join(', ') : 'every channel'}`)}
        />
        <ContactPreferences contactId={contactId} onOptoutContactLoaded={(e) => heard(`loaded ${e.contact.contact.name}`)} />
      </OptOutProvider>
      <h2>Host log</h2>
      <ul aria-label="Host log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<ContactPage contactId={new URLSearchParams(location.search).get('contact') ?? 'c-000001'} />);
