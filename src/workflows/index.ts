// Every workflow the worker registers; the worker bundles this file.
export { routeTicket } from './route-ticket';
export { troubleshoot } from './troubleshoot';
export { supportCase } from './support-case';
