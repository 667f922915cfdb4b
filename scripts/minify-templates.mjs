// The elements' HTML and CSS templates with the indentation and comments a reader needs and a
// browser does not, removed by the Lit team's minifier (HTML by html-minifier-next, CSS by
// lightningcss). Everything that runs the elements applies this one step, so what is tested is what
// ships: the library and single-file builds (Vite), Storybook, the browser tests
// (web-test-runner) and the size benchmarks (esbuild).
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';
import { defaultMinifyOptions } from '@lit-labs/rollup-plugin-minify-html-literals/lib/strategy.js';

/**
 * The browsers the elements support (adoptable stylesheets, container queries, `dvh`): CSS is
 * written for them, so no newer syntax (a media range `width<=48rem`) replaces what they read.
 * lightningcss's form: major << 16 | minor << 8.
 */
export const BROWSER_TARGETS = { chrome: 108 << 16, firefox: 110 << 16, safari: (16 << 16) | (4 << 8) };

const options = {
  minifyOptions: {
    ...defaultMinifyOptions,
    // A space that starts or ends a template is kept as one: a template inside another
    // (` · ${destination}`) would otherwise lose the space a reader sees.
    conservativeCollapse: true,
    minifyCSS: { minify: true, targets: BROWSER_TARGETS },
  },
};

/**
 * Whether the file's templates are minified: the elements' sources, not tests, stories, the demo
 * or dependencies.
 * @param {string} path
 */
export function isTemplateSource(path) {
  return /\/src\/.*\.[jt]s$/.test(path) && !path.includes('/node_modules/');
}

/**
 * `code` (TypeScript or JavaScript) with its `html` and `css` tagged templates minified, or
 * unchanged when it has none. A template the minifier cannot read is an error, never skipped.
 * @param {string} code
 * @param {string} fileName
 * @returns {Promise<{ code: string, map?: object }>}
 */
export async function minifyTemplates(code, fileName) {
  const result = await minifyHTMLLiterals(code, { ...options, fileName });
  return result ? { code: result.code, map: result.map } : { code };
}

/** The same as a Vite (Rollup) plugin, for builds only: `npm start` serves the sources as written. */
export function minifyTemplatesPlugin() {
  return {
    name: 'optout-minify-templates',
    apply: 'build',
    async transform(code, id) {
      if (!isTemplateSource(id.split('?')[0])) return undefined;
      return minifyTemplates(code, id);
    },
  };
}
