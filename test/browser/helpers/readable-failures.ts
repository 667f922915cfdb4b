// A failed assertion whose actual or expected value is a DOM node (`expect(activeElement).to.equal(button)`)
// is sent to the runner with those values, and web-test-runner serializes them by walking everything
// they reach: an element rendered by Lit reaches the whole page, and the run hangs until its timeout
// instead of reporting. The failure keeps its message, with each node described in a line instead.

function describeNode(node: Node): string {
  if (!(node instanceof Element)) return node.nodeName;
  const name = node.getAttribute('aria-label') ?? node.textContent?.trim().replace(/\s+/g, ' ').slice(0, 80) ?? '';
  const root = node.getRootNode();
  const host = root instanceof ShadowRoot ? ` in <${root.host.localName}>` : '';
  return `<${node.localName}${node.id ? `#${node.id}` : ''}> "${name}"${host}`;
}

/** A value as the runner may serialize it: nodes, and nodes in an array or a plain object, described. */
function readable(value: unknown): unknown {
  if (value instanceof Node) return describeNode(value);
  if (Array.isArray(value)) return value.some((v) => v instanceof Node) ? value.map(readable) : value;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    return entries.some(([, v]) => v instanceof Node) ? Object.fromEntries(entries.map(([k, v]) => [k, readable(v)])) : value;
  }
  return value;
}

/** `error`, with DOM nodes in its `actual` or `expected` replaced by a description of each. */
export function readableFailure(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const failure = error as { actual?: unknown; expected?: unknown };
  if ('actual' in failure) failure.actual = readable(failure.actual);
  if ('expected' in failure) failure.expected = readable(failure.expected);
  return error;
}
