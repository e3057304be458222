export { createSection } from './sections.service.ts';
export { findSectionBySlug, listSections, type Section } from './sections.queries.ts';
export { sectionRoutes } from './sections.routes.ts';
