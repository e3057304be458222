export { MediaFiles } from './media-files.ts';
export { mediaRoutes } from './media.routes.ts';
export {
  importImage,
  maxUploadBytes,
  maxUploadFiles,
  type UploadRefusal,
  UploadRefusedError,
  uploadRefusals,
  warmAllVariants,
} from './media.service.ts';
export { descriptionFields, descriptionLabels, descriptionLimits, type DescriptionField, type ImageDescription, typedDescription } from './image-description.ts';
export {
  deleteImage,
  describeImage,
  getMediaItem,
  type LibraryFilter,
  type LibraryPage,
  listMediaUsage,
  type MediaLibraryDeps,
  mediaTypes,
  type MediaTypeName,
  readLibraryFilter,
  searchMediaLibrary,
} from './media-library.service.ts';
export { logoImage, mediaVariantUrl, shareableImage, thumbnailUrl, toResponsiveImage } from './media-urls.ts';
export { listAllMedia, type MediaItem, type MediaListItem, type MediaUsage } from './media.queries.ts';
