// Workers have no file system to read the installed package from: the bundler (`bun build`, wrangler's esbuild)
// copies the two files into the script as text. They add about 2 MB to the script, under Workers' size limit.

import type { ReferenceAssetReader as DocsAssetReader } from '@myshop/api-reference'
import styles from 'swagger-ui-dist/swagger-ui.css' with { type: 'text' }
import script from 'swagger-ui-dist/swagger-ui-bundle.js' with { type: 'text' }

/** The reference UI's files, bundled into the script. */
export const bundledDocsAssets: DocsAssetReader = async (file) =>
  file === 'swagger-ui-bundle.js' ? script : styles
