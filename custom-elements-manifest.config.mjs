// `npm run manifest` writes custom-elements.json from the elements' class JSDoc (@summary, @tag,
// @slot, @csspart, @cssproperty, @cssstate, @fires and each property's comment); `npm test`
// fails when the committed copy is stale (scripts/check-manifest.mjs).

/** Private and protected members are not part of the API: leave them out of docs and controls. */
const publicOnly = {
  name: 'optout-public-only',
  packageLinkPhase({ customElementsManifest }) {
    // The analyzer lists modules in the order the file system gives them, which differs from one
    // machine (or clone) to the next: sort them so the committed copy is the same everywhere.
    customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.members) {
          declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.static);
        }
        // Events are documented once, with @fires; the analyzer also reports each dispatchEvent call.
        if (declaration.events) {
          const seen = new Set();
          declaration.events = declaration.events.filter((e) => e.name?.startsWith('optout-') && !seen.has(e.name) && seen.add(e.name));
        }
      }
    }
  },
};

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/shared/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [publicOnly],
};
