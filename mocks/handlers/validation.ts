// Every request's query and body checked against the contract's own JSON Schemas
// (mocks/generated/request-schemas.ts, generated from api/openapi.yaml), so the mock refuses what
// a conforming backend must refuse: unknown fields, missing ones, values out of range. One 400
// names every bad field, the way the contract's `FieldError`s read (`customKeywords.optOut[2]`).
// Text longer than its field's `maxLength`, when nothing else is wrong, is 422 instead: the
// request is well-formed and the person only has to shorten what they wrote, so each field error
// says the limit.
// @cfworker/json-schema interprets the schemas without generating code, so it runs under a
// strict Content-Security-Policy too.
import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { contractDocument, requestSchemas } from '../generated/request-schemas.js';
import { ProblemError, type FieldError, type FieldErrorCode } from '../store/problems.js';

const validators = new Map<string, Validator>();

function validator(key: string, schema: object): Validator {
  let found = validators.get(key);
  if (!found) {
    found = new Validator(schema, '2020-12', false);
    found.addSchema(contractDocument as never);
    validators.set(key, found);
  }
  return found;
}

/** Throws a 400 naming every field of the request that the contract does not allow. */
export async function validateRequest(operationId: string, request: Request): Promise<void> {
  const spec = requestSchemas[operationId];
  if (!spec) throw new Error(`No request schema for ${operationId}: regenerate with node scripts/check-api.mjs --write`);
  const errors: CheckedField[] = [];
  if (spec.query) {
    const query: Record<string, unknown> = {};
    const params = new URL(request.url).searchParams;
    for (const [name, value] of params) {
      const numeric = spec.query.numeric.includes(name) && value.trim() !== '' && !Number.isNaN(Number(value));
      const boolean = spec.query.boolean.includes(name) && (value === 'true' || value === 'false');
      query[name] = spec.query.repeated.includes(name) ? params.getAll(name) : numeric ? Number(value) : boolean ? value === 'true' : value;
    }
    errors.push(...fieldErrors(validator(`${operationId}?`, spec.query.schema).validate(query).errors, 'query'));
  } else {
    // An operation without parameters refuses any, as the others refuse unknown ones.
    for (const name of new Set(new URL(request.url).searchParams.keys())) {
      errors.push({ field: name, message: 'is not a parameter of this request', code: 'unknown-field', tooLong: false });
    }
  }
  if (spec.body) {
    const text = await request.clone().text();
    if (!text) {
      if (spec.body.required) errors.push({ field: 'body', message: 'A request body is required.', code: 'required', tooLong: false });
    } else {
      const body = spec.body.contentType === 'application/x-www-form-urlencoded' ? formFields(text) : parseJson(text);
      errors.push(...fieldErrors(validator(operationId, spec.body.schema).validate(body).errors, 'body'));
    }
  }
  if (errors.length === 0) return;
  const fields: FieldError[] = errors.map(({ tooLong: _tooLong, ...error }) => error);
  const detail = fields.map((e) => `${e.field}: ${e.message}`).join(' ');
  if (errors.every((e) => e.tooLong)) throw new TextTooLong(detail, fields);
  throw new ProblemError('validation', detail, fields);
}

/**
 * 422 `validation`: every bad field is text over its limit. The problem type stays `validation`
 * (clients show field errors the same way); the status says the request was understood.
 */
class TextTooLong extends ProblemError {
  override readonly status = 422;

  constructor(detail: string, errors: FieldError[]) {
    super('validation', detail, errors);
  }
}

/**
 * A form body as the schema sees it: every value kept, a repeated field as an array, so a
 * parameter that must appear once is refused when repeated instead of one value being picked.
 */
function formFields(text: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return fields;
}

/** A field error, and whether it is only a body's text longer than the contract allows. */
interface CheckedField extends FieldError {
  tooLong: boolean;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProblemError('validation', `The request body is not valid JSON: ${(error as Error).message}`, [{ field: 'body', message: 'is not valid JSON', code: 'format' }]);
  }
}

/** Keywords that only say "something below failed"; the leaf errors under them say what. */
const WRAPPERS = new Set(['$ref', 'properties', 'items', 'prefixItems', 'allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'additionalProperties', 'unevaluatedProperties', 'dependentSchemas']);

/** Leaf validator errors as the contract's field errors, one per field and problem. */
function fieldErrors(units: OutputUnit[], root: 'query' | 'body'): CheckedField[] {
  const seen = new Set<string>();
  const out: CheckedField[] = [];
  for (const unit of units) {
    if (WRAPPERS.has(unit.keyword)) continue;
    let field = fieldName(unit.instanceLocation);
    let message = unit.error;
    if (unit.keyword === 'required') {
      const missing = /required property "([^"]+)"/.exec(unit.error)?.[1] ?? '?';
      field = field ? `${field}.${missing}` : missing;
      message = 'is required';
    } else if (unit.keyword === 'false') {
      message = root === 'query' ? 'is not a parameter of this request' : 'is not a field of this request';
    } else if (unit.keyword === 'maxLength') {
      message = tooLongMessage(unit.error);
    }
    field ||= root;
    const id = `${field}\n${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    // A search term over its limit stays a 400: only text someone writes into a record is 422.
    const { code, params } = codeOf(unit);
    out.push({ field, message, code, ...(params ? { params } : {}), tooLong: root === 'body' && unit.keyword === 'maxLength' });
  }
  return out;
}

const CODES: Record<string, FieldErrorCode> = {
  required: 'required',
  false: 'unknown-field',
  additionalProperties: 'unknown-field',
  type: 'type',
  enum: 'enum',
  const: 'enum',
  maxLength: 'too-long',
  minLength: 'too-short',
  minItems: 'too-few',
  minProperties: 'too-few',
  maxItems: 'too-many',
  maxProperties: 'too-many',
  uniqueItems: 'duplicate',
  pattern: 'format',
  format: 'format',
  minimum: 'range',
  maximum: 'range',
  exclusiveMinimum: 'range',
  exclusiveMaximum: 'range',
  multipleOf: 'range',
};

/** The contract's code for a failed schema keyword, with the limit it names (`{ maxLength: 2000 }`). */
function codeOf(unit: OutputUnit): { code: FieldErrorCode; params?: Record<string, number> } {
  const code = CODES[unit.keyword] ?? 'invalid';
  const limit = /\((\d+) [<>]=? (\d+)\)/.exec(unit.error)?.[2];
  return limit !== undefined && code !== 'type' && code !== 'enum' ? { code, params: { [unit.keyword]: Number(limit) } } : { code };
}

/** "String is too long (2001 > 2000)." → "is longer than 2000 characters (2001)", counted as the schema counts: by code point. */
function tooLongMessage(error: string): string {
  const [, length, limit] = /\((\d+) > (\d+)\)/.exec(error) ?? [];
  return limit ? `is longer than ${limit} characters (${length})` : error;
}

/** `#/customKeywords/optOut/2` → `customKeywords.optOut[2]`. */
function fieldName(location: string): string {
  return location
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}
