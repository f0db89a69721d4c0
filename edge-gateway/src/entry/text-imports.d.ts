// Text imports of the reference UI's files (see bundled-assets.ts): the bundler turns each into a string.
declare module 'swagger-ui-dist/swagger-ui-bundle.js' {
  const text: string
  export default text
}
declare module 'swagger-ui-dist/swagger-ui.css' {
  const text: string
  export default text
}
