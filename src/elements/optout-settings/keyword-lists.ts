// The keywords part of <optout-settings>: the defaults (which stay), the custom keywords, and an
// add field per list checked as the admin types by the engine's rule the backend enforces.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { CustomKeywords, FieldError } from '../../client/types.js';
import { KEYWORD_LIMITS, KEYWORD_SETS, checkCustomKeyword, defaultKeywords, type KeywordProblem, type KeywordSet } from '../../engine/index.js';
import { intentLabel } from '../shared/labels.js';

/** The heading of a keyword list. */
export function keywordSetLabel(set: KeywordSet): string {
  switch (set) {
    case 'optOut':
      return msg('Opt-out keywords');
    case 'optOutAll':
      return msg('Opt-out from everything keywords');
    case 'optIn':
      return msg('Opt-in keywords');
    case 'help':
      return msg('Help keywords');
  }
}

/** Why a keyword cannot be added, in words. */
export function keywordProblemText(problem: KeywordProblem): string {
  switch (problem.code) {
    case 'empty':
      return msg('Type a keyword.');
    case 'too-long': {
      const max = problem.maxLength;
      return msg(str`A keyword has at most ${max} characters.`);
    }
    case 'too-many-words': {
      const max = problem.maxWords;
      return msg(str`A keyword is one word or a short phrase of at most ${max} words.`);
    }
    case 'characters':
      return msg('A keyword has letters, digits and spaces only.');
    case 'too-many': {
      const max = problem.maxItems;
      return msg(str`This list already has ${max} keywords, the most it can hold.`);
    }
    case 'stop-request':
      return msg('This reads as a request to stop, so it cannot start messages again or ask for help.');
    case 'duplicate': {
      const keyword = problem.keyword;
      return problem.isDefault ? msg(str`This already reads as the default keyword ${keyword}.`) : msg(str`This already reads as the keyword ${keyword}.`);
    }
    case 'clash': {
      const keyword = problem.keyword;
      const meaning = intentLabel(problem.intent);
      return problem.isDefault
        ? msg(str`This reads as the default keyword ${keyword} (${meaning}); a keyword cannot mean two things.`)
        : msg(str`This reads as the custom keyword ${keyword} (${meaning}); a keyword cannot mean two things.`);
    }
  }
}

/** A backend field error on a keyword, in words (its code first, its English message as the fallback). */
export function keywordFieldErrorText(error: FieldError): string {
  const keyword = String(error.params?.['keyword'] ?? '');
  if (error.code === 'keyword-clash' && keyword) return msg(str`The server refused it: it reads as ${keyword}, a keyword of another kind.`);
  if (error.code === 'keyword-clash') return msg('The server refused it: it reads as a request to stop.');
  if (error.code === 'duplicate' && keyword) return msg(str`The server refused it: it repeats ${keyword}.`);
  if (error.code === 'format') return msg('The server refused it: a keyword is one word or a short phrase.');
  if (error.code === 'too-long') return msg('The server refused it: it is too long.');
  return msg('The server refused this keyword.');
}

export interface KeywordListsOptions {
  keywords: CustomKeywords;
  editable: boolean;
  /** What is typed in each list's add field. */
  pending: Readonly<Record<KeywordSet, string>>;
  /** The backend's refusals, by list: the keyword and why. */
  serverErrors: Readonly<Partial<Record<KeywordSet, { word: string; error: FieldError }[]>>>;
  onInput(set: KeywordSet, value: string): void;
  onAdd(set: KeywordSet): void;
  onRemove(set: KeywordSet, index: number): void;
}

/** The problem of what is typed in `set`'s field, or undefined (nothing typed, or it may be added). */
export function pendingProblem(set: KeywordSet, value: string, keywords: CustomKeywords): KeywordProblem | undefined {
  if (value.trim() === '') return undefined;
  return checkCustomKeyword(value, set, keywords);
}

export function renderKeywordLists(options: KeywordListsOptions) {
  const max = KEYWORD_LIMITS.length;
  return html`<section class="keywords" aria-labelledby="keywords-title">
    <h3 id="keywords-title">${msg('Keywords')}</h3>
    <p class="hint">
      ${msg('A reply that is exactly one of these words (any case, accents or punctuation) is applied at once. The carrier defaults cannot be removed.')}
    </p>
    ${KEYWORD_SETS.map((set) => {
      const label = keywordSetLabel(set);
      const value = options.pending[set];
      const problem = pendingProblem(set, value, options.keywords);
      const refused = options.serverErrors[set] ?? [];
      return html`<div class="keyword-set" role="group" aria-labelledby="kw-${set}-title">
        <h4 id="kw-${set}-title">${label}</h4>
        <ul class="chips" aria-label=${label}>
          ${defaultKeywords(set).map(
            (word) => html`<li class="chip default"><span translate="no">${word}</span> <span class="muted">${msg('(default)')}</span></li>`,
          )}
          ${options.keywords[set].map(
            (word, index) => html`<li class="chip custom">
              <span translate="no">${word}</span>
              ${options.editable
                ? html`<button type="button" class="remove" aria-label=${msg(str`Remove ${word}`)} @click=${() => options.onRemove(set, index)}>✕</button>`
                : nothing}
            </li>`,
          )}
        </ul>
        ${refused.length > 0
          ? html`<ul class="server-errors" role="alert">
              ${refused.map((r) => html`<li><span translate="no">“${r.word}”</span>: ${keywordFieldErrorText(r.error)}</li>`)}
            </ul>`
          : nothing}
        ${options.editable
          ? html`<div class="add">
              <label for="kw-${set}">${msg(str`Add to ${label}`)}</label>
              <input
                id="kw-${set}"
                type="text"
                autocomplete="off"
                spellcheck="false"
                maxlength=${max + 10}
                .value=${value}
                aria-invalid=${problem ? 'true' : 'false'}
                aria-describedby="kw-${set}-problem"
                @input=${(e: Event) => options.onInput(set, (e.target as HTMLInputElement).value)}
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    if (!problem) options.onAdd(set);
                  }
                }}
              />
              <button type="button" ?disabled=${value.trim() === '' || Boolean(problem)} @click=${() => options.onAdd(set)}>${msg('Add')}</button>
              <p id="kw-${set}-problem" class=${problem ? 'problem' : 'hint'} aria-live="polite">
                ${problem ? keywordProblemText(problem) : msg(str`One word or a short phrase, up to ${max} characters.`)}
              </p>
            </div>`
          : nothing}
      </div>`;
    })}
  </section>`;
}
