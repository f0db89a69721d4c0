/** The only algorithm MyShop signs access tokens with; verifiers accept nothing else. */
export const tokenAlgorithm = 'ES256'
/** The audience of access tokens issued for the public API. */
export const tokenAudience = 'myshop-api'
