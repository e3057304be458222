export { findSectionById, findSectionBySlug, listSections, type Section } from './sections.queries.ts';
export { sectionRoutes } from './sections.routes.ts';
export { createSection, deleteSection, listSectionsWithCounts, updateSection } from './sections.service.ts';
