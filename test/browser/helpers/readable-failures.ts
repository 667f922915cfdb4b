// A failed assertion whose actual or expected value is a DOM node (`expect(activeElement).to.equal(button)`)
// is sent to the runner with those values, and web-test-runner serializes them by walking everything
// they reach: an element rendered by Lit reaches the whole page, and the run hangs until its timeout
// instead of reporting. The failure keeps what it says, with each node described in a line instead.

function describeNode(node: Node): string {
  if (!(node instanceof Element)) return node.nodeName;
  const name = node.getAttribute('aria-label') ?? node.textContent?.trim().replace(/\s+/g, ' ').slice(0, 80) ?? '';
  return `<${node.localName}${node.id ? `#${node.id}` : ''}> "${name}"`;
}

/** `error`, with a DOM node as its `actual` or `expected` replaced by a description of it. */
export function readableFailure(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const failure = error as { actual?: unknown; expected?: unknown };
  if (failure.actual instanceof Node) failure.actual = describeNode(failure.actual);
  if (failure.expected instanceof Node) failure.expected = describeNode(failure.expected);
  return error;
}
