// The one step that minifies the elements' templates wherever they ship and are tested
// (scripts/minify-templates.mjs): what it must never change is what a person sees or a browser reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTemplateSource, minifyTemplates } from '../../../scripts/minify-templates.mjs';

const minified = async (code: string) => (await minifyTemplates(code, '/project/src/elements/example.ts')).code;

test('comments inside templates go, and each run of indentation becomes one space', async () => {
  const out = await minified('const t = html`\n  <p>\n    <!-- why -->\n    <span>${a}</span>\n  </p>\n`;');
  assert.equal(out, 'const t = html` <p> <span>${a}</span> </p> `;');
});

test('a space that starts or ends a template inside another is kept: “STOP · +1 514…”, not “STOP· +1 514…”', async () => {
  const out = await minified('const t = html`${a}${b ? html` · <span>${b}</span>` : nothing} <span>${c}</span> `;');
  assert.ok(out.includes('html` · <span>${b}</span>`'), out);
  assert.ok(out.includes('} <span>${c}</span>'), out);
});

test('CSS is minified for the supported browsers: a media query keeps a form they read', async () => {
  const out = await minified('const s = css`\n  @media (max-width: 48rem) {\n    .a { color: red; }\n  }\n`;');
  assert.match(out, /css`@media \((max-width:48rem|width<=48rem)\)\{\.a\{color:red\}\}`/);
});

test('plain strings, and templates with other tags (msg ids come from str), are left as written', async () => {
  const code = "const a = msg('Keep   these  spaces');\nconst b = str`Keep   ${x}  these`;";
  assert.equal(await minified(code), code);
});

test('only the elements’ sources are minified, not dependencies, tests or the demo', () => {
  assert.equal(isTemplateSource('/work/main/src/elements/contact-preferences/contact-preferences.ts'), true);
  assert.equal(isTemplateSource('/src/elements/shared/tokens.styles.ts'), true);
  assert.equal(isTemplateSource('/work/main/node_modules/lit-html/src/lit-html.ts'), false);
  assert.equal(isTemplateSource('/work/main/test/browser/elements/contact-preferences.test.ts'), false);
  assert.equal(isTemplateSource('/work/main/demo/demo-app.ts'), false);
});
