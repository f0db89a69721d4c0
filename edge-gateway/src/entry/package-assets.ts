export { packageReferenceAssets as packageDocsAssets } from '@myshop/api-reference/package-files'
