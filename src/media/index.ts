export { MediaFiles } from './media-files.ts';
export { mediaRoutes } from './media.routes.ts';
export { importImage, warmAllVariants, type ImageDescription } from './media.service.ts';
export { mediaVariantUrl, shareableImage, toResponsiveImage } from './media-urls.ts';
export type { MediaItem } from './media.queries.ts';
