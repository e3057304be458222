export { policyRoutes } from './policies.routes.tsx';
