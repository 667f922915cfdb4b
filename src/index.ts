// Package root: side-effect free. Import `optout-elements/define` to register the tags.
export * from './engine/index.js';
export { InboundReplyPlayground } from './elements/inbound-reply-playground/inbound-reply-playground.js';
export { setLocale, getLocale, allLocales, isSupportedLocale, type OptOutLocale } from './localization/localization.js';
export * from './client/index.js';
