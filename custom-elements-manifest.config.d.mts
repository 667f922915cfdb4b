// Types for custom-elements-manifest.config.mjs, for the node test that checks its plugin.
interface Manifest {
  schemaVersion: string;
  modules: { kind: string; path: string; declarations?: unknown[] }[];
}
interface Plugin {
  name: string;
  packageLinkPhase?(context: { customElementsManifest: Manifest }): void;
}
declare const config: {
  globs: string[];
  exclude: string[];
  outdir: string;
  litelement: boolean;
  packagejson: boolean;
  plugins: Plugin[];
};
export default config;
