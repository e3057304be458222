export { type MediaFiles, openMediaFiles } from './media-files.ts';
export { OriginalMissingError, OriginalsStoreError } from './originals-store.ts';
export { mediaRoutes } from './media.routes.ts';
export {
  hasMissingVariants,
  importImage,
  type MediaEvents,
  maxUploadBytes,
  maxUploadFiles,
  type UploadRefusal,
  UploadRefusedError,
  uploadRefusals,
  warmAllVariants,
} from './media.service.ts';
export { whyCannotDelete, whyCannotDescribe } from './image-permissions.ts';
export {
  checkGivenDescription,
  descriptionFields,
  descriptionLabels,
  descriptionLimits,
  type DescriptionField,
  typedDescription,
} from './image-description.ts';
export {
  deleteImage,
  describeImage,
  findImageUploader,
  getMediaItem,
  listImageHistory,
  listMediaUsage,
  type MediaActor,
  type MediaLibraryDeps,
  readLibraryFilter,
  searchMediaLibrary,
} from './media-library.service.ts';
export { logoImage, mediaVariantUrl, shareableImage, thumbnailUrl, toResponsiveImage } from './media-urls.ts';
export { fitsFormat, widthsFor } from './media-files.ts';
export { listAllMedia, type MediaItem } from './media.queries.ts';
export { loadSharp } from './sharp-loader.ts';
