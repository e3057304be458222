export { findRedirectLocation } from './redirects.ts';
export { wordPressQueryRedirects } from './redirects.routes.ts';
export { type Progress, silentProgress } from './import-progress.ts';
export { ImportReport } from './import-report.ts';
export { importWordPress } from './wordpress/wordpress-import.ts';
export { WxrFormatError } from './wordpress/wxr-reader.ts';
