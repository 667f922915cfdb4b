import { expect } from '@open-wc/testing';
import { until } from './until.js';

async function timeoutOf(wait: Promise<void>): Promise<Error> {
  try {
    await wait;
  } catch (error) {
    expect(error).to.be.instanceOf(Error);
    return error as Error;
  }
  throw new Error('expected until() to time out');
}

describe('until', () => {
  it('resolves once the condition holds, counting a throw as "not yet"', async () => {
    let calls = 0;
    await until(() => {
      calls += 1;
      if (calls < 3) throw new Error('not rendered yet');
      return calls >= 5;
    }, 'the fifth call');
    expect(calls).to.equal(5);
  });

  it('names what it waited for when the condition never holds', async () => {
    const error = await timeoutOf(until(() => false, 'a dialog to open', 50));
    expect(error.message).to.equal('Timed out after 50 ms waiting for: a dialog to open');
    expect(error.cause).to.equal(undefined);
  });

  it('reports the condition’s last error, so a real failure does not look like a timeout', async () => {
    let calls = 0;
    const error = await timeoutOf(
      until(() => {
        calls += 1;
        throw new TypeError(`row ${calls} has no cells`);
      }, 'the table to render', 50),
    );
    expect(error.message).to.match(/^Timed out after 50 ms waiting for: the table to render; the condition last threw: TypeError: row \d+ has no cells$/);
    expect(error.message).to.contain(`row ${calls} has no cells`);
    expect(error.cause).to.be.instanceOf(TypeError);
  });

  it('reports an error thrown by an async condition', async () => {
    const error = await timeoutOf(until(async () => Promise.reject(new RangeError('no such page')), 'page 3', 50));
    expect(error.message).to.contain('the condition last threw: RangeError: no such page');
  });
});
