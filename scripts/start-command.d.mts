/** The arguments `npm start` gives node, e.g. ['--optimize-for-size', 'dist/bundle/server.mjs']. */
export function startArguments (): string[]
