export { createSection } from './sections.service.ts';
export { listSections, type Section } from './sections.queries.ts';
export { sectionRoutes } from './sections.routes.ts';
