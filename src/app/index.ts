// `optout-elements/app`: the whole opt-out area as a microfrontend.
export { bootstrap, mount, unmount, update, type OptOutAppProps } from './lifecycles.js';
export { OptOutApp } from '../elements/optout-app/optout-app.js';
