export { findSectionBySlug, listSections, type Section } from './sections.queries.ts';
export { sectionRoutes } from './sections.routes.ts';
export { createSection, deleteSection, getSection, listSectionsWithCounts, type SectionInput, updateSection } from './sections.service.ts';
