// What a host ships for an element: the module and everything it imports, Lit included, bundled
// and minified as a host's bundler would (esbuild, Lit's production build, NODE_ENV replaced),
// then gzipped. Every element's bench measures its size with this one function.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { build, type Plugin } from 'esbuild';
import { isTemplateSource, minifyTemplates } from '../scripts/minify-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The templates minified as the library build ships them (scripts/minify-templates.mjs). */
const minifiedTemplates: Plugin = {
  name: 'optout-minify-templates',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) =>
      isTemplateSource(path) ? { contents: (await minifyTemplates(await readFile(path, 'utf8'), path)).code, loader: 'ts' } : undefined,
    );
  },
};

const gz = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length / 1024;

/** min+gzip of what `contents` needs at load, and of what it loads on demand (the fr-CA strings). */
export async function bundle(contents: string, options: { external?: string[] } = {}): Promise<{ entry: number; lazy: number }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: 'out',
    write: false,
    target: 'es2022',
    tsconfig: `${root}/tsconfig.json`,
    // Hosts get Lit's production build, and their bundler replaces NODE_ENV (the virtualizer reads it).
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    metafile: true,
    // What the host already ships (React for the wrappers) is not counted against us.
    external: options.external ?? [],
    plugins: [minifiedTemplates],
  });
  // What loads at once: the entry and every chunk it imports statically, transitively (a chunk
  // that a lazy module shares with the entry, Lit for one, still loads at once); the rest loads
  // on demand.
  const outputs = result.metafile.outputs;
  const entryPath = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === '<stdin>')!;
  const atLoad = new Set<string>();
  const visit = (path: string) => {
    if (atLoad.has(path)) return;
    atLoad.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entryPath);
  const sizeOf = (files: typeof result.outputFiles) => files.reduce((sum, f) => sum + gz(f.contents), 0);
  const isAtLoad = (f: (typeof result.outputFiles)[number]) => [...atLoad].some((path) => f.path.endsWith(path.replace(/^out\//, '/')));
  return { entry: sizeOf(result.outputFiles.filter(isAtLoad)), lazy: sizeOf(result.outputFiles.filter((f) => !isAtLoad(f))) };
}
