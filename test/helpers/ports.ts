export { freePort } from '../../tools/dev/ports';
