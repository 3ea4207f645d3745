// Every workflow the worker registers (the worker bundles this file), and the references clients
// start them by. Their inputs, results and messages are in the contract.ts beside each.
export { routeTicket } from './route-ticket/workflow';
export { troubleshoot } from './troubleshoot/workflow';
export { supportCase } from './support-case/workflow';
