// A host's Storybook or test page: the mock backend from `optout-elements/mocks` (MSW's service
// worker, in memory), then the elements against it. The elements are created only once the worker
// answers, so their first requests cannot reach the network.
import 'optout-elements/define';
import { startBrowserMock, WELL_KNOWN } from 'optout-elements/mocks';

await startBrowserMock({ baseUrl: '/mock-api', persist: false, params: new URLSearchParams() });
const provider = document.createElement('optout-provider');
provider.setAttribute('api-base', '/mock-api');
const preferences = document.createElement('contact-preferences');
preferences.setAttribute('contact-id', WELL_KNOWN.blocked);
provider.append(preferences);
document.querySelector('main').append(provider);
