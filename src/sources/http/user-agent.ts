import pkg from '../../../package.json';

/** How Tocsin names itself to the servers it polls. */
export const USER_AGENT = `Tocsin/${pkg.version} (+https://github.com/tocsin-bot/tocsin)`;
