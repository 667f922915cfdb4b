// HTTP → store, typed from the contract with openapi-msw: a response that does not match
// api/openapi.yaml fails the type-check.
import { HttpResponse, http as untypedHttp } from 'msw';
import { createOpenApiHttp } from 'openapi-msw';
import type { paths } from '../../src/client/generated/schema.js';
import type { MockBackend } from '../backend.js';
import { publicJob } from '../store/bulk-jobs.js';
import { checkEligibility, consentEvents, destinationConsent, listJobs, preview, review } from '../store/feeds.js';
import { ProblemError, invalid } from '../store/problems.js';
import type { AuditFilter } from '../store/audit.js';
import { verifyTwilioSignature } from '../twilio.js';
import { checkContactVersion, versioned } from './contact-versions.js';

type TwilioForm = { From: string; To: string; Body: string; MessageSid: string; MessagingServiceSid?: string; OptOutType?: 'STOP' | 'START' | 'HELP' };
import type { EligibilityCheckItem, OptOutScope } from '../../src/client/types.js';
import type { BulkTarget, ContactFilter, ReviewStatus } from '../store/types.js';
import type { ContactSort } from '../store/mock-store.js';
import { jsonBody, limitOf, route, type RouteContext } from './route.js';

/** The list filters of `GET /contacts` (the route already checked them against the contract). */
function filterFrom(params: URLSearchParams): ContactFilter {
  const filter: ContactFilter = {};
  for (const key of ['query', 'channelId', 'tag'] as const) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  // Repeatable: any of the values; the route already refused an empty one.
  const locationIds = params.getAll('locationId');
  if (locationIds.length > 0) filter.locationId = locationIds;
  const statuses = params.getAll('status');
  if (statuses.length > 0) filter.status = statuses as NonNullable<ContactFilter['status']>;
  const channelType = params.get('channelType');
  if (channelType) filter.channelType = channelType as NonNullable<ContactFilter['channelType']>;
  return filter;
}

/** The filters of the audit log and a consent history; `to` before `from` is refused. */
function auditFilterFrom(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  const actions = params.getAll('action');
  if (actions.length > 0) filter.actions = actions;
  for (const key of ['actor', 'channelId', 'jobId', 'from', 'to'] as const) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  if (filter.from !== undefined && filter.to !== undefined && Date.parse(filter.to) < Date.parse(filter.from)) {
    throw invalid('to', 'is before from', 'range');
  }
  return filter;
}

export function createHandlers(backend: MockBackend) {
  const http = createOpenApiHttp<paths>({ baseUrl: backend.baseUrl });
  const ctx: RouteContext = {
    faults: backend.faults,
    db: () => backend.store.db,
    persist: () => backend.notify(),
    flush: () => backend.flush(),
    authenticate: (request) => backend.store.callerOf(request.headers.get('Authorization')).id,
    actingAs: (userId, work) => backend.store.actingAs(userId, work),
    inFlight: new Set(),
    catchUp: () => backend.messaging.applyOverdueReviews(),
    now: () => backend.store.now(),
  };
  const store = () => backend.store;
  const search = (request: Request) => new URL(request.url).searchParams;

  const api = [
    http.get('/me', route(ctx, 'getMe', ({ response }) => response(200).json(store().me()))),
    http.get('/organization', route(ctx, 'getOrganization', ({ response }) => {
      store().authorize('contact:view');
      const { organization, users } = store().db;
      return response(200).json({ ...organization, members: users.map(({ id, name }) => ({ id, name })) });
    })),
    http.get('/contacts', route(ctx, 'listContacts', ({ request, response }) => {
      store().authorize('contact:view');
      const params = search(request);
      const sort = (params.get('sort') ?? 'name') as ContactSort;
      return response(200).json(store().listContacts(filterFrom(params), params.get('cursor'), limitOf(params.get('limit')), sort));
    })),
    http.get('/contacts/{contactId}', route(ctx, 'getContact', async ({ params, response }) => {
      store().authorize('contact:view');
      const { body, headers } = await versioned(store().detail(params.contactId));
      return response(200).json(body, { headers });
    })),
    http.post('/contacts/{contactId}/unsubscribe', route(ctx, 'unsubscribeContact', async ({ params, request, response }) => {
      await checkContactVersion(store(), request, params.contactId, 'contact:unsubscribe', false);
      const { body, headers } = await versioned(store().unsubscribe(params.contactId, await jsonBody(request)));
      return response(200).json(body, { headers });
    })),
    http.post('/contacts/{contactId}/resubscribe', route(ctx, 'resubscribeContact', async ({ params, request, response }) => {
      await checkContactVersion(store(), request, params.contactId, 'contact:resubscribe', true);
      const { body, headers } = await versioned(store().resubscribe(params.contactId, await jsonBody(request)));
      return response(200).json(body, { headers });
    })),
    http.put('/contacts/{contactId}/channel-exclusions', route(ctx, 'setChannelExclusions', async ({ params, request, response }) => {
      await checkContactVersion(store(), request, params.contactId, 'contact:exclude-channels', true);
      const { body, headers } = await versioned(store().setExcludedChannelTypes(params.contactId, await jsonBody(request)));
      return response(200).json(body, { headers });
    })),
    http.post('/contacts/{contactId}/block', route(ctx, 'blockContact', async ({ params, request, response }) => {
      await checkContactVersion(store(), request, params.contactId, 'contact:block', false);
      const text = await request.text();
      const { body, headers } = await versioned(store().block(params.contactId, text ? (JSON.parse(text) as { reason?: string }) : {}));
      return response(200).json(body, { headers });
    })),
    http.post('/contacts/{contactId}/unblock', route(ctx, 'unblockContact', async ({ params, request, response }) => {
      await checkContactVersion(store(), request, params.contactId, 'contact:unblock', false);
      const { body, headers } = await versioned(store().unblock(params.contactId));
      return response(200).json(body, { headers });
    })),
    http.post('/contacts/{contactId}/merge', route(ctx, 'mergeContact', async ({ params, request, response }) => {
      await checkContactVersion(store(), request, params.contactId, 'contact:merge', true);
      const request_ = await jsonBody<{ sourceContactId: string }>(request);
      const { body, headers } = await versioned(store().merge(params.contactId, request_.sourceContactId));
      return response(200).json(body, { headers });
    })),
    http.delete('/contacts/{contactId}', route(ctx, 'deleteContact', async ({ params, request, response }) => {
      await checkContactVersion(store(), request, params.contactId, 'contact:delete', true);
      store().deleteContact(params.contactId);
      return response(204).empty();
    })),
    http.post('/contacts/{contactId}/sequence-enrollments', route(ctx, 'addContactToSequence', async ({ params, request, response }) => {
      const body = await jsonBody<{ sequenceId: string }>(request);
      const enrollment = store().addToSequence(params.contactId, body.sequenceId);
      const location = `${backend.baseUrl}/contacts/${encodeURIComponent(params.contactId)}/sequence-enrollments/${enrollment.id}`;
      return response(201).json(enrollment, { headers: { Location: location } });
    })),
    http.get('/contacts/{contactId}/sequence-enrollments', route(ctx, 'listSequenceEnrollments', ({ params, request, response }) => {
      const q = search(request);
      return response(200).json(store().listEnrollments(params.contactId, q.get('cursor'), limitOf(q.get('limit'))));
    })),
    http.get('/contacts/{contactId}/sequence-enrollments/{enrollmentId}', route(ctx, 'getSequenceEnrollment', ({ params, response }) =>
      response(200).json(store().getEnrollment(params.contactId, params.enrollmentId)),
    )),
    http.get('/contacts/{contactId}/consent-history', route(ctx, 'listConsentHistory', ({ params, request, response }) => {
      const q = search(request);
      return response(200).json(store().consentHistory(params.contactId, auditFilterFrom(q), q.get('cursor'), limitOf(q.get('limit'))));
    })),
    http.get('/contacts/{contactId}/reviews', route(ctx, 'listContactReviews', ({ params, request, response }) => {
      const q = search(request);
      const status = (q.get('status') ?? undefined) as ReviewStatus | undefined;
      return response(200).json(backend.messaging.contactReviews(params.contactId, status, q.get('cursor'), limitOf(q.get('limit'))));
    })),
    http.get('/reviews', route(ctx, 'listReviews', ({ request, response }) => {
      const q = search(request);
      return response(200).json(backend.messaging.listReviews((q.get('status') ?? 'pending') as ReviewStatus, q.get('cursor'), limitOf(q.get('limit'))));
    })),
    http.post('/reviews/{reviewId}/apply', route(ctx, 'applyReview', async ({ params, request, response }) => {
      const text = await request.text();
      const body = text ? (JSON.parse(text) as { note?: string }) : {};
      return response(200).json(backend.messaging.applyReview(params.reviewId, body.note));
    })),
    http.post('/reviews/{reviewId}/dismiss', route(ctx, 'dismissReview', async ({ params, request, response }) => {
      const body = await jsonBody<{ note: string }>(request);
      return response(200).json(backend.messaging.dismissReview(params.reviewId, body.note));
    })),
    http.post('/bulk-unsubscribe/previews', route(ctx, 'createBulkUnsubscribePreview', async ({ request, response }) => {
      const body = await jsonBody<{ target: BulkTarget; channelIds?: string[] }>(request);
      const created = backend.jobs.createPreview(body);
      return response(201).json(created, { headers: { Location: `${backend.baseUrl}/bulk-unsubscribe/previews/${created.id}` } });
    })),
    http.post('/bulk-unsubscribe/jobs', route(ctx, 'startBulkUnsubscribeJob', async ({ request, response }) => {
      const body = await jsonBody<{ previewId: string }>(request);
      const job = backend.jobs.start(body.previewId);
      return response(202).json(publicJob(job), { headers: { Location: `${backend.baseUrl}/bulk-unsubscribe/jobs/${job.id}` } });
    })),
    http.get('/bulk-unsubscribe/jobs/{jobId}', route(ctx, 'getBulkUnsubscribeJob', ({ params, response }) => response(200).json(publicJob(backend.jobs.get(params.jobId))))),
    http.post('/bulk-unsubscribe/jobs/{jobId}/cancel', route(ctx, 'cancelBulkUnsubscribeJob', ({ params, response }) => response(200).json(publicJob(backend.jobs.cancel(params.jobId))))),
    http.post('/bulk-unsubscribe/jobs/{jobId}/undo', route(ctx, 'undoBulkUnsubscribeJob', ({ params, response }) => {
      const job = backend.jobs.undo(params.jobId);
      return response(202).json(publicJob(job), { headers: { Location: `${backend.baseUrl}/bulk-unsubscribe/jobs/${job.id}` } });
    })),
    http.get('/settings/messaging', route(ctx, 'getMessagingSettings', ({ response }) => {
      const { settings, etag } = backend.messaging.getSettings();
      return response(200).json(settings, { headers: { ETag: etag } });
    })),
    http.put('/settings/messaging', route(ctx, 'updateMessagingSettings', async ({ request, response }) => {
      const { settings, etag } = backend.messaging.updateSettings(await jsonBody(request), request.headers.get('If-Match'));
      return response(200).json(settings, { headers: { ETag: etag } });
    })),
    http.get('/settings/messaging/scope-impact', route(ctx, 'getOptOutScopeImpact', ({ request, response }) =>
      // The route checked `scope` against the contract's enum.
      response(200).json(backend.messaging.scopeImpact(search(request).get('scope') as OptOutScope)),
    )),
    http.post('/inbound-messages', route(ctx, 'receiveInboundMessage', async ({ request, response }) => {
      store().authorize('inbound:receive');
      const body = await jsonBody<{ channelId: string; from: string; body: string; receivedAt?: string; providerMessageId?: string }>(request);
      return response(200).json(backend.messaging.receive(body));
    })),
    http.post('/webhooks/twilio/inbound', route(ctx, 'receiveTwilioWebhook', async ({ request, response }) => {
      // The route checked the form against the contract: From, To, Body and MessageSid present,
      // each once, and OptOutType's values.
      const form = Object.fromEntries(new URLSearchParams(await request.text())) as TwilioForm;
      const { channelId, from } = backend.messaging.resolveTwilio(form.To, form.From, form.MessagingServiceSid);
      return response(200).json(
        backend.messaging.receive({ channelId, from, body: form.Body, providerMessageId: form.MessageSid, ...(form.OptOutType ? { carrierIntent: form.OptOutType } : {}) }),
      );
    }, {
      // Twilio signs its deliveries instead of signing in, and retries carry the same MessageSid.
      authenticate: async (request) => {
        await verifyTwilioSignature(request, backend.twilio);
        return 'twilio';
      },
      fallbackKey: async (request) => new URLSearchParams(await request.clone().text()).get('MessageSid'),
    })),
    http.get('/audit-events', route(ctx, 'listAuditEvents', ({ request, response }) => {
      const q = search(request);
      return response(200).json(store().listAudit(auditFilterFrom(q), q.get('includeTotal') === 'true', q.get('cursor'), limitOf(q.get('limit'))));
    })),
    http.post('/eligibility-checks', route(ctx, 'checkEligibility', async ({ request, response }) => {
      const body = await jsonBody<{ items: EligibilityCheckItem[] }>(request);
      return response(200).json(checkEligibility(store(), body.items));
    }, { read: true })),
    http.get('/consent-events', route(ctx, 'listConsentEvents', ({ request, response }) => {
      const q = search(request);
      return response(200).json(consentEvents(store(), q.get('since'), limitOf(q.get('limit'))));
    })),
    http.get('/destinations/{destination}/consent', route(ctx, 'getDestinationConsent', ({ params, response }) => response(200).json(destinationConsent(store(), params.destination)))),
    http.get('/reviews/{reviewId}', route(ctx, 'getReview', ({ params, response }) => response(200).json(review(store(), params.reviewId)))),
    http.get('/bulk-unsubscribe/jobs', route(ctx, 'listBulkUnsubscribeJobs', ({ request, response }) => {
      const q = search(request);
      return response(200).json(listJobs(store(), q.get('cursor'), limitOf(q.get('limit'))));
    })),
    http.get('/bulk-unsubscribe/previews/{previewId}', route(ctx, 'getBulkUnsubscribePreview', ({ params, response }) => response(200).json(preview(store(), params.previewId)))),
  ];

  // QA control API: outside the contract and never subject to faults.
  const control = `${backend.baseUrl.replace(/\/api$/, '')}/__mock`;
  const controls = [
    untypedHttp.get(`${control}/faults`, () => HttpResponse.json(backend.faults.settings)),
    untypedHttp.put(`${control}/faults`, async ({ request }) => HttpResponse.json(backend.faults.set((await request.json()) as object))),
    untypedHttp.post(`${control}/reset`, async ({ request }) => {
      const text = await request.text();
      backend.reset(text ? (JSON.parse(text) as { contacts?: number }) : {});
      await backend.flush();
      return HttpResponse.json({ contacts: backend.store.contactCount() });
    }),
    untypedHttp.put(`${control}/session`, async ({ request }) => {
      // `{ "userId": null }` signs out: every API call then answers 401.
      const { userId } = (await request.json()) as { userId: string | null };
      try {
        backend.store.switchUser(userId);
        await backend.flush();
      } catch (error) {
        if (error instanceof ProblemError) return HttpResponse.json(error.toJSON(), { status: error.status });
        throw error;
      }
      return HttpResponse.json(userId === null ? { user: null } : backend.store.me());
    }),
    untypedHttp.get(`${control}/users`, () => HttpResponse.json(backend.store.db.users)),
    untypedHttp.get(`${control}/messages`, () => HttpResponse.json(backend.store.db.messages)),
  ];
  return [...controls, ...api];
}
