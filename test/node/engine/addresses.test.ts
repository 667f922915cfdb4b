import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { destinationKey, destinationOf, isValidDestination, isValidEmail, isValidPhone, parseProviderAddress } from '../../../src/engine/index.js';

describe('destination validity', () => {
  it('a phone is valid only in E.164 form and in the numbering plan', () => {
    assert.equal(isValidPhone('+14162030001'), true);
    assert.equal(isValidPhone('+1416203'), false, 'truncated on import');
    assert.equal(isValidPhone('4162030001'), false, 'no country code');
    assert.equal(isValidPhone('+1 416 203 0001'), false, 'not E.164');
    assert.equal(isValidPhone('+10000000000'), false, 'not a real area code');
  });

  it('an email needs one @ with something on each side and a dotted domain', () => {
    assert.equal(isValidEmail('ava.tremblay@example.com'), true);
    for (const bad of ['ava@@example.com', 'ava@example', 'ava example@x.com', '@example.com', 'ava@', 'ava@.com', 'ava@example..com']) {
      assert.equal(isValidEmail(bad), false, bad);
    }
  });

  it('by kind, and as a destination', () => {
    assert.equal(isValidDestination('phone', 'ava@example.com'), false);
    assert.equal(isValidDestination('email', '+14162030001'), false);
    assert.deepEqual(destinationOf('phone', '+1416203'), { kind: 'phone', value: '+1416203', valid: false });
    assert.deepEqual(destinationOf('email', 'a@b.ca'), { kind: 'email', value: 'a@b.ca', valid: true });
  });
});

describe('parseProviderAddress', () => {
  it('reads Twilio’s WhatsApp prefix as the channel type and keeps the number', () => {
    assert.deepEqual(parseProviderAddress('whatsapp:+14165550123'), { address: '+14165550123', channelType: 'whatsapp' });
    assert.deepEqual(parseProviderAddress(' WhatsApp:+14165550123 '), { address: '+14165550123', channelType: 'whatsapp' });
  });

  it('leaves a bare number or mailbox as it is', () => {
    assert.deepEqual(parseProviderAddress('+14165550123'), { address: '+14165550123' });
    assert.deepEqual(parseProviderAddress('downtown@example.com'), { address: 'downtown@example.com' });
  });
});

describe('destinationKey', () => {
  it('lower-cases email addresses and trims, so consent is found whatever the case', () => {
    assert.equal(destinationKey('email', ' Ava.Tremblay@Example.COM '), 'ava.tremblay@example.com');
    assert.equal(destinationKey('phone', ' +14162030001 '), '+14162030001');
    assert.deepEqual(destinationOf('email', 'Ava@Example.com'), { kind: 'email', value: 'ava@example.com', valid: true });
  });
});

describe('destination validity at the edges', () => {
  it('a phone must be E.164 from its first character to its last', () => {
    assert.equal(isValidPhone('x+14162030001'), false);
    assert.equal(isValidPhone('+14162030001x'), false);
  });

  it('an email may have several domain labels, and nothing after them', () => {
    assert.equal(isValidEmail('ava@mail.example.co.uk'), true);
    assert.equal(isValidEmail('ava@example.com '), false);
    assert.equal(isValidEmail('ava@example.com\n'), false);
  });

  it('a provider address is trimmed after its prefix too', () => {
    assert.deepEqual(parseProviderAddress('whatsapp: +14165550123'), { address: '+14165550123', channelType: 'whatsapp' });
  });
});

describe('phone numbers: the whole value is E.164', () => {
  it('refuses an extension or spacing after the number, which the numbering plan alone would accept', () => {
    assert.equal(isValidPhone('+14165550123'), true);
    for (const value of ['+14165550123 ext 2', '+14165550123x2', '+1 416 555 0123', 'tel:+14165550123']) {
      assert.equal(isValidPhone(value), false, value);
      assert.equal(destinationOf('phone', value).valid, false, value);
    }
  });
});
