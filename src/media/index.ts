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
  type WarmingLog,
} from './media.service.ts';
export { type ImageShownIn, whyCannotDelete, whyCannotDescribe } from './image-permissions.ts';
export { descriptionFields, descriptionLabels, descriptionLimits, type DescriptionField, type ImageDescription, typedDescription } from './image-description.ts';
export {
  deleteImage,
  describeImage,
  findImageUploader,
  getMediaItem,
  type ImageOutsideUse,
  type LibraryFilter,
  type LibraryPage,
  listImageHistory,
  listMediaUsage,
  type MediaActor,
  type MediaLibraryDeps,
  mediaTypes,
  type MediaTypeName,
  readLibraryFilter,
  searchMediaLibrary,
} from './media-library.service.ts';
export { logoImage, mediaVariantUrl, shareableImage, thumbnailUrl, toResponsiveImage } from './media-urls.ts';
export { type EarlierDescription, listAllMedia, type MediaItem, type MediaListItem, type MediaUsage } from './media.queries.ts';
