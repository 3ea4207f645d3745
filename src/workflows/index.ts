// Every workflow the worker registers (the worker bundles this file), and the references clients
// start them by. Their inputs, results and messages are in the *.contract.ts modules beside them.
export { routeTicket } from './route-ticket';
export { troubleshoot } from './troubleshoot';
export { supportCase } from './support-case';
