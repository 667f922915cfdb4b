// <optout-review-queue> showing a pending request whose contact's name and message are hostile
// (the hostile database queues one). Its own file: the suite starts its own mock backend.
import { html } from '@open-wc/testing';
import '../../../src/define.js';
import { hostileDataSuite } from '../conformance/hostile-data.js';

hostileDataSuite('optout-review-queue', () => html`<optout-provider api-base="/api"><optout-review-queue contact-href="/crm/contacts/{id}"></optout-review-queue></optout-provider>`);
