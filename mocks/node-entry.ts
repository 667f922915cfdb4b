// `optout-elements/mocks/node`: the mock backend in Node (a host's unit tests), in memory, served by
// MSW's setupServer.
export { NODE_API_BASE, startMockServer } from './node.js';
export * from './common.js';
