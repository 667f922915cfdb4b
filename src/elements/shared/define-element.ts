// Side-effect free, so code that registers tags on demand (optout-app's lazy pages) does not pull
// in src/define.ts, which imports and registers every element.

/** Defines `tag` unless it already is; warns when another class already holds the name. */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(`optout-elements: <${tag}> is already defined by another copy of the library; keeping that one.`);
  }
}
