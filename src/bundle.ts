// The single-file module for a `<script type="module">` tag (dist/optout-elements.bundle.js): every
// element registered, Lit and the rest inlined, and the package root's exports for a page that
// also wants the client or the engine from the same file.
import { defineElement } from './define.js';
import { OptOutApp } from './elements/optout-app/optout-app.js';

export * from './index.js';
export { defineElement };
export { OptOutApp };

defineElement('optout-app', OptOutApp);
