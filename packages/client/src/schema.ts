// The MyShop API's types, generated from the gateway's /openapi.json by `bun run generate:client`. Do not edit:
// regenerate after an API change (a test fails while this file is out of date).
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gateway liveness
         * @description The gateway itself answers; it asks no service.
         *
         *     Public: no token needed.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Aggregated readiness
         * @description Every configured service says it is ready and the signing keys can be fetched. One look is shared by every caller for a second.
         *
         *     Public: no token needed.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description The gateway's metrics in the Prometheus text format.
         *
         *     Public: no token needed.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description The OpenAPI 3.1 document of the whole API.
         *
         *     Public: no token needed.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public keys that verify access tokens
         * @description Public: no token needed.
         */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The same public keys, under the API prefix
         * @description Public: no token needed.
         */
        get: operations["getApiJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a customer account
         * @description Public: no token needed.
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Public: no token needed.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a refresh token for a new token pair
         * @description Public: no token needed.
         */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the current session
         * @description Needs a bearer token (any signed-in user).
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the access-token signing key (admin)
         * @description Needs a bearer token with the `keys:rotate` permission.
         */
        post: operations["rotateSigningKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user
         * @description Needs a bearer token (any signed-in user).
         */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the signed-in user; a password change ends the other sessions
         * @description Needs a bearer token (any signed-in user).
         */
        patch: operations["updateCurrentUser"];
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users (admin)
         * @description Needs a bearer token with the `users:read` permission.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user with roles (admin)
         * @description Needs a bearer token with the `users:write` permission.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user by id (admin, support)
         * @description Needs a bearer token with the `users:read` permission.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a user's roles (admin); removing a role ends their sessions
         * @description Needs a bearer token with the `roles:write` permission.
         */
        put: operations["setUserRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the account owner a one-time unlock code
         * @description Answers 202 whether or not the account exists. The code, sent with the password to /auth/login as `unlockCode`, signs in even while failures from other clients pause sign-ins to the account.
         *
         *     Public: no token needed.
         */
        post: operations["requestUnlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clear a user's sign-in failure counters (admin)
         * @description Needs a bearer token with the `users:write` permission.
         */
        post: operations["unlockUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/service-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A short-lived access token for a MyShop service calling another, by its credentials
         * @description Public: no token needed.
         */
        post: operations["issueServiceToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All categories, ordered by path
         * @description Public: no token needed.
         */
        get: operations["listCategories"];
        put?: never;
        /**
         * Create a category
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        post: operations["createCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One category by id or slug
         * @description Public: no token needed.
         */
        get: operations["getCategory"];
        put?: never;
        post?: never;
        /**
         * Delete an empty category (409 while it has subcategories or products)
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        delete: operations["deleteCategory"];
        options?: never;
        head?: never;
        /**
         * Rename or move a category
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        patch: operations["updateCategory"];
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search and browse active products, with facets and cursor pagination
         * @description Public: no token needed.
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Create a product with its variants
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Product names for autocomplete
         * @description Public: no token needed.
         */
        get: operations["suggestProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One product by id or slug (drafts only for catalog managers)
         * @description Public: no token needed.
         */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        /**
         * Delete a product
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        /**
         * Change a product; variants given replace the set (matched by SKU)
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/api/v1/catalog/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upsert products by SKU in bulk; bad rows are reported by line, good ones written
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        post: operations["importCatalog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every product in every status, in id order (catalog export)
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        get: operations["exportCatalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/reindex": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start rebuilding the search index in the background (Elasticsearch: a new index, kept in step with writes made meanwhile, swapped in by alias); one runs at a time across all instances, and one already running is returned instead
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        post: operations["startReindex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/reindex/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Progress of a reindex job, started on any instance
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        get: operations["getReindexJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an image (multipart field "file")
         * @description Accepted: image/jpeg, image/png, image/webp, image/avif, image/gif, sniffed from the bytes. Metadata (EXIF, GPS) is removed.
         *
         *     Needs a bearer token with the `catalog:write` permission.
         */
        post: operations["uploadProductImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/images/presign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A URL to PUT an image straight to the bucket (S3 storage only; 409 otherwise)
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        post: operations["presignProductImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/images/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn a presigned upload into an image; it is checked like a direct upload
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        post: operations["confirmProductImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/images/{imageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an image and its renditions
         * @description Needs a bearer token with the `catalog:write` permission.
         */
        delete: operations["deleteProductImage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/*": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A stored image rendition
         * @description Public: no token needed.
         */
        get: operations["getMediaFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Buy a cart: 201 with the paid order; 202 with nextAction when the customer must approve the payment; 409 insufficient_stock (shortages), cart_changed (cart) or still running; 402 payment_declined; the same Idempotency-Key and body answer the same
         * @description Public: no token needed.
         */
        post: operations["checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order before it ships: its payment voided or refunded, its stock given back (own order, or orders:write_all; 409 once fulfilled)
         * @description Needs a bearer token (any signed-in user).
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give back all or part of what an order was paid (never more than is left), optionally restocking its units
         * @description Needs a bearer token with the `orders:write_all` permission.
         */
        post: operations["refundOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sagas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sagas, newest first, optionally of one status
         * @description Needs a bearer token with the `sagas:manage` permission.
         */
        get: operations["listSagas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sagas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A saga with the timeline of its steps: times, attempts, errors
         * @description Needs a bearer token with the `sagas:manage` permission.
         */
        get: operations["getSaga"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sagas/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a saga that needs attention from the step that failed (409 for any other)
         * @description Needs a bearer token with the `sagas:manage` permission.
         */
        post: operations["retrySaga"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sagas/{id}/compensate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo a checkout now: money and stock given back, the order cancelled (409 for a completed one: cancel its order)
         * @description Needs a bearer token with the `sagas:manage` permission.
         */
        post: operations["compensateSaga"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in customer's orders, newest first
         * @description Needs a bearer token with the `orders:read_own` permission.
         */
        get: operations["listOwnOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every order, newest first, by status, creation time or email
         * @description Needs a bearer token with the `orders:read_all` permission.
         */
        get: operations["listOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order with its history: one's own, or any for holders of orders:read_all
         * @description Needs a bearer token (any signed-in user).
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/fulfillments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a paid order shipped, with its tracking number (409 invalid_transition otherwise)
         * @description Needs a bearer token with the `orders:write_all` permission.
         */
        post: operations["fulfilOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a shipped order delivered (409 invalid_transition otherwise)
         * @description Needs a bearer token with the `orders:write_all` permission.
         */
        post: operations["deliverOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Walk the order service's hash-chained audit trail and report the first entry that does not hold
         * @description Needs a bearer token with the `audit:read` permission.
         */
        get: operations["verifyOrderAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shipping-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shipping options offered to a destination country in a currency, the default first
         * @description Public: no token needed.
         */
        get: operations["listShippingOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/shipping-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every shipping option, inactive ones included, the default first
         * @description Needs a bearer token with the `checkout:configure` permission.
         */
        get: operations["adminListShippingOptions"];
        put?: never;
        /**
         * Create a shipping option; made the default, it replaces the current default
         * @description Needs a bearer token with the `checkout:configure` permission.
         */
        post: operations["createShippingOption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/shipping-options/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One shipping option, active or not
         * @description Needs a bearer token with the `checkout:configure` permission.
         */
        get: operations["adminGetShippingOption"];
        put?: never;
        post?: never;
        /**
         * Stop offering a shipping option; it stays readable for the orders that used it (409 for the default)
         * @description Needs a bearer token with the `checkout:configure` permission.
         */
        delete: operations["deactivateShippingOption"];
        options?: never;
        head?: never;
        /**
         * Change a shipping option or make it the default (409 unsetting or deactivating the default)
         * @description Needs a bearer token with the `checkout:configure` permission.
         */
        patch: operations["updateShippingOption"];
        trace?: never;
    };
    "/api/v1/admin/tax-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tax rates by destination country; a country without one is taxed at 0
         * @description Needs a bearer token with the `checkout:configure` permission.
         */
        get: operations["listTaxRates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tax-rates/{country}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a country's exclusive tax rate in basis points (1900 = 19%)
         * @description Needs a bearer token with the `checkout:configure` permission.
         */
        put: operations["setTaxRate"];
        post?: never;
        /**
         * Remove a country's tax rate, so it is taxed at 0
         * @description Needs a bearer token with the `checkout:configure` permission.
         */
        delete: operations["deleteTaxRate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hold an amount on a card (status authorized, or requires_action with the URL the customer approves at; declined is 402 payment_declined); the same Idempotency-Key answers the same payment
         * @description Needs a bearer token with the `payment:authorize` permission.
         */
        post: operations["authorizePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One payment with its ledger of provider calls
         * @description Needs a bearer token with the `payment:authorize` permission.
         */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take the authorized amount; again changes nothing
         * @description Needs a bearer token with the `payment:authorize` permission.
         */
        post: operations["capturePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release the hold before capture, or give up a check the customer has not finished
         * @description Needs a bearer token with the `payment:authorize` permission.
         */
        post: operations["voidPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give back all or part of a captured payment, never more than captured (409); the same Idempotency-Key answers the same refund
         * @description Needs a bearer token with the `payment:refund` permission.
         */
        post: operations["refundPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/test-provider/3ds/{chargeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The test provider's 3-D Secure page: without outcome, asks the customer; with it, decides the check and sends the callback
         * @description Public: no token needed.
         */
        get: operations["testProviderCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/test-provider": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The test provider's signed callback (HMAC-SHA256 in test-provider-signature); a forged, stale or replayed one is refused
         * @description Public: no token needed.
         */
        post: operations["testProviderCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/low": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SKUs at or below their low-stock threshold, by SKU
         * @description Needs a bearer token with the `inventory:read` permission.
         */
        get: operations["listLowStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Available stock of a SKU; per location and with its threshold for holders of inventory:read
         * @description Public: no token needed.
         */
        get: operations["getStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/{sku}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Count stock in or out at a location (409 insufficient_stock below what is available)
         * @description Needs a bearer token with the `inventory:write` permission.
         */
        post: operations["adjustStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/{sku}/threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set or clear a SKU's low-stock threshold
         * @description Needs a bearer token with the `inventory:write` permission.
         */
        put: operations["setLowStockThreshold"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hold stock for every line or none (409 insufficient_stock names each short SKU); the same Idempotency-Key answers the same reservation
         * @description Needs a bearer token with the `inventory:reserve` permission.
         */
        post: operations["reserveStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One reservation
         * @description Needs a bearer token with the `inventory:reserve` permission.
         */
        get: operations["getReservation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take the held stock out for good (the order was paid); again changes nothing
         * @description Needs a bearer token with the `inventory:reserve` permission.
         */
        post: operations["commitReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give the held stock back; again changes nothing
         * @description Needs a bearer token with the `inventory:reserve` permission.
         */
        post: operations["releaseReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/restocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put units of a committed reservation back on hand (returned goods), never more than it took (409); the same Idempotency-Key puts nothing back twice
         * @description Needs a bearer token with the `inventory:reserve` permission.
         */
        post: operations["restockReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Walk the inventory service's hash-chained audit trail and report the first entry that does not hold
         * @description Needs a bearer token with the `audit:read` permission.
         */
        get: operations["verifyInventoryAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        GatewayHealth: {
            /** @constant */
            status: "ok";
        };
        /** @description One look at a dependency. `degraded`: the service answered ready but works without a dependency it can do without. */
        GatewayProbe: {
            /** @enum {string} */
            status: "ok" | "degraded" | "down";
            latencyMs: number;
            /** @description Absent when the dependency did not answer at all. */
            httpStatus?: number;
        };
        GatewayReadiness: {
            /** @enum {string} */
            status: "ready" | "degraded" | "not_ready";
            /** @description Each configured service's own `/ready`, by service name. */
            services: {
                [key: string]: components["schemas"]["GatewayProbe"];
            };
            checks: {
                jwks: components["schemas"]["GatewayProbe"];
            };
        };
        /** @description RFC 9457 problem details */
        Problem: {
            /** Format: uri */
            type: string;
            title: string;
            status: string | number;
            /**
             * @description Stable machine-readable error code
             * @enum {string}
             */
            code: "bad_request" | "invalid_signature" | "malformed_json" | "validation_failed" | "unauthenticated" | "payment_declined" | "invalid_token" | "invalid_credentials" | "forbidden" | "not_found" | "route_not_found" | "method_not_allowed" | "conflict" | "email_taken" | "insufficient_stock" | "cart_changed" | "cart_empty" | "sku_unavailable" | "currency_mismatch" | "cart_limit" | "invalid_transition" | "idempotency_in_flight" | "idempotency_mismatch" | "weak_password" | "shipping_unavailable" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "too_many_attempts" | "internal" | "bad_gateway" | "unavailable" | "gateway_timeout";
            detail?: string;
            /** @description The request path */
            instance?: string;
            requestId?: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The gateway is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": components["schemas"]["GatewayHealth"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready, or degraded: a service works without a dependency it can do without */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayReadiness"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not ready: a service is down or not ready, or the signing keys cannot be fetched */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "not_ready",
                     *       "services": {
                     *         "user": {
                     *           "status": "ok",
                     *           "latencyMs": 3,
                     *           "httpStatus": 200
                     *         },
                     *         "product": {
                     *           "status": "down",
                     *           "latencyMs": 2001
                     *         }
                     *       },
                     *       "checks": {
                     *         "jwks": {
                     *           "status": "ok",
                     *           "latencyMs": 2,
                     *           "httpStatus": 200
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GatewayReadiness"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text exposition format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example # TYPE gateway_requests_total counter
                     *     gateway_requests_total{route="/health",method="GET",status="200"} 1
                     */
                    "text/plain": string;
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merged OpenAPI document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "openapi": "3.1.0",
                     *       "info": {
                     *         "title": "MyShop API",
                     *         "version": "1.0.0"
                     *       }
                     *     }
                     */
                    "application/json": Record<string, never>;
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JSON Web Key Set (RFC 7517); cacheable for five minutes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": [
                     *         {
                     *           "kty": "EC",
                     *           "crv": "P-256",
                     *           "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                     *           "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
                     *           "kid": "01JD8X5ZQ4V3N6M2K7P9R1T0W5",
                     *           "alg": "ES256",
                     *           "use": "sig"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        keys: {
                            /** @example EC */
                            kty: string;
                            /** @example P-256 */
                            crv: string;
                            /** @example f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU */
                            x: string;
                            /** @example x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0 */
                            y: string;
                            /** @example 01JD8X5ZQ4V3N6M2K7P9R1T0W5 */
                            kid: string;
                            /** @example ES256 */
                            alg: string;
                            /** @constant */
                            use: "sig";
                        }[];
                    };
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JSON Web Key Set (RFC 7517); cacheable for five minutes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": [
                     *         {
                     *           "kty": "EC",
                     *           "crv": "P-256",
                     *           "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                     *           "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
                     *           "kid": "01JD8X5ZQ4V3N6M2K7P9R1T0W5",
                     *           "alg": "ES256",
                     *           "use": "sig"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        keys: {
                            /** @example EC */
                            kty: string;
                            /** @example P-256 */
                            crv: string;
                            /** @example f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU */
                            x: string;
                            /** @example x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0 */
                            y: string;
                            /** @example 01JD8X5ZQ4V3N6M2K7P9R1T0W5 */
                            kid: string;
                            /** @example ES256 */
                            alg: string;
                            /** @constant */
                            use: "sig";
                        }[];
                    };
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "name": "Ada Lovelace"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @example violet-Harbor-93-lantern */
                    password: string;
                    /** @example Ada Lovelace */
                    name: string;
                };
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "name": "Ada Lovelace"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** Format: email */
                    email: string;
                    /** @example violet-Harbor-93-lantern */
                    password: string;
                    /** @example Ada Lovelace */
                    name: string;
                };
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "name": "Ada Lovelace"
                 *     }
                 */
                "multipart/form-data": {
                    /** Format: email */
                    email: string;
                    /** @example violet-Harbor-93-lantern */
                    password: string;
                    /** @example Ada Lovelace */
                    name: string;
                };
            };
        };
        responses: {
            /** @description A MyShop account */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8",
                     *       "email": "ada@example.com",
                     *       "name": "Ada Lovelace",
                     *       "roles": [
                     *         "customer"
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8 */
                        id: string;
                        /** Format: email */
                        email: string;
                        /** @example Ada Lovelace */
                        name: string;
                        /**
                         * @example [
                         *       "customer"
                         *     ]
                         */
                        roles: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "example email",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "deviceToken": "example deviceToken",
                 *       "unlockCode": "K7QX-2M9P-4RTW-8HJN"
                 *     }
                 */
                "application/json": {
                    email: string;
                    /** @example violet-Harbor-93-lantern */
                    password: string;
                    deviceToken?: string;
                    /**
                     * @description A one-time code from /auth/unlock, while sign-ins are paused
                     * @example K7QX-2M9P-4RTW-8HJN
                     */
                    unlockCode?: string;
                };
                /**
                 * @example {
                 *       "email": "example email",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "deviceToken": "example deviceToken",
                 *       "unlockCode": "K7QX-2M9P-4RTW-8HJN"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    email: string;
                    /** @example violet-Harbor-93-lantern */
                    password: string;
                    deviceToken?: string;
                    /**
                     * @description A one-time code from /auth/unlock, while sign-ins are paused
                     * @example K7QX-2M9P-4RTW-8HJN
                     */
                    unlockCode?: string;
                };
                /**
                 * @example {
                 *       "email": "example email",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "deviceToken": "example deviceToken",
                 *       "unlockCode": "K7QX-2M9P-4RTW-8HJN"
                 *     }
                 */
                "multipart/form-data": {
                    email: string;
                    /** @example violet-Harbor-93-lantern */
                    password: string;
                    deviceToken?: string;
                    /**
                     * @description A one-time code from /auth/unlock, while sign-ins are paused
                     * @example K7QX-2M9P-4RTW-8HJN
                     */
                    unlockCode?: string;
                };
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "accessToken": "example accessToken",
                     *       "refreshToken": "example refreshToken",
                     *       "expiresIn": 1,
                     *       "tokenType": "Bearer",
                     *       "deviceToken": "example deviceToken"
                     *     }
                     */
                    "application/json": {
                        accessToken: string;
                        refreshToken: string;
                        /** @description Seconds until the access token expires */
                        expiresIn: string | number;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description Send it back on later sign-ins from this device */
                        deviceToken: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refreshToken": "example refreshToken"
                 *     }
                 */
                "application/json": {
                    refreshToken: string;
                };
                /**
                 * @example {
                 *       "refreshToken": "example refreshToken"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    refreshToken: string;
                };
                /**
                 * @example {
                 *       "refreshToken": "example refreshToken"
                 *     }
                 */
                "multipart/form-data": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "accessToken": "example accessToken",
                     *       "refreshToken": "example refreshToken",
                     *       "expiresIn": 1,
                     *       "tokenType": "Bearer"
                     *     }
                     */
                    "application/json": {
                        accessToken: string;
                        refreshToken: string;
                        /** @description Seconds until the access token expires */
                        expiresIn: string | number;
                        /** @constant */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refreshToken": "example refreshToken"
                 *     }
                 */
                "application/json": {
                    refreshToken?: string;
                };
                /**
                 * @example {
                 *       "refreshToken": "example refreshToken"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    refreshToken?: string;
                };
                /**
                 * @example {
                 *       "refreshToken": "example refreshToken"
                 *     }
                 */
                "multipart/form-data": {
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description Response for status 204 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateSigningKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "kid": "example kid",
                     *       "retiring": [
                     *         "example retiring"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        kid: string;
                        retiring: string[];
                    };
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A MyShop account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8",
                     *       "email": "ada@example.com",
                     *       "name": "Ada Lovelace",
                     *       "roles": [
                     *         "customer"
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8 */
                        id: string;
                        /** Format: email */
                        email: string;
                        /** @example Ada Lovelace */
                        name: string;
                        /**
                         * @example [
                         *       "customer"
                         *     ]
                         */
                        roles: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Ada Lovelace",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "currentPassword": "violet-Harbor-93-lantern"
                 *     }
                 */
                "application/json": {
                    /** @example Ada Lovelace */
                    name?: string;
                    /** @example violet-Harbor-93-lantern */
                    password?: string;
                    /** @example violet-Harbor-93-lantern */
                    currentPassword?: string;
                };
                /**
                 * @example {
                 *       "name": "Ada Lovelace",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "currentPassword": "violet-Harbor-93-lantern"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** @example Ada Lovelace */
                    name?: string;
                    /** @example violet-Harbor-93-lantern */
                    password?: string;
                    /** @example violet-Harbor-93-lantern */
                    currentPassword?: string;
                };
                /**
                 * @example {
                 *       "name": "Ada Lovelace",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "currentPassword": "violet-Harbor-93-lantern"
                 *     }
                 */
                "multipart/form-data": {
                    /** @example Ada Lovelace */
                    name?: string;
                    /** @example violet-Harbor-93-lantern */
                    password?: string;
                    /** @example violet-Harbor-93-lantern */
                    currentPassword?: string;
                };
            };
        };
        responses: {
            /** @description A MyShop account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8",
                     *       "email": "ada@example.com",
                     *       "name": "Ada Lovelace",
                     *       "roles": [
                     *         "customer"
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8 */
                        id: string;
                        /** Format: email */
                        email: string;
                        /** @example Ada Lovelace */
                        name: string;
                        /**
                         * @example [
                         *       "customer"
                         *     ]
                         */
                        roles: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
                q?: string;
                role?: "customer" | "admin" | "catalog_manager" | "inventory_manager" | "support" | "analyst";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8",
                     *           "email": "ada@example.com",
                     *           "name": "Ada Lovelace",
                     *           "roles": [
                     *             "customer"
                     *           ],
                     *           "createdAt": "2026-01-15T09:30:00.000Z",
                     *           "updatedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": "example nextCursor"
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** @example usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8 */
                            id: string;
                            /** Format: email */
                            email: string;
                            /** @example Ada Lovelace */
                            name: string;
                            /**
                             * @example [
                             *       "customer"
                             *     ]
                             */
                            roles: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "name": "Ada Lovelace",
                 *       "roles": [
                 *         "customer"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @example violet-Harbor-93-lantern */
                    password: string;
                    /** @example Ada Lovelace */
                    name: string;
                    roles?: ("customer" | "admin" | "catalog_manager" | "inventory_manager" | "support" | "analyst")[];
                };
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "name": "Ada Lovelace",
                 *       "roles": [
                 *         "customer"
                 *       ]
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** Format: email */
                    email: string;
                    /** @example violet-Harbor-93-lantern */
                    password: string;
                    /** @example Ada Lovelace */
                    name: string;
                    roles?: ("customer" | "admin" | "catalog_manager" | "inventory_manager" | "support" | "analyst")[];
                };
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "violet-Harbor-93-lantern",
                 *       "name": "Ada Lovelace",
                 *       "roles": [
                 *         "customer"
                 *       ]
                 *     }
                 */
                "multipart/form-data": {
                    /** Format: email */
                    email: string;
                    /** @example violet-Harbor-93-lantern */
                    password: string;
                    /** @example Ada Lovelace */
                    name: string;
                    roles?: ("customer" | "admin" | "catalog_manager" | "inventory_manager" | "support" | "analyst")[];
                };
            };
        };
        responses: {
            /** @description A MyShop account */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8",
                     *       "email": "ada@example.com",
                     *       "name": "Ada Lovelace",
                     *       "roles": [
                     *         "customer"
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8 */
                        id: string;
                        /** Format: email */
                        email: string;
                        /** @example Ada Lovelace */
                        name: string;
                        /**
                         * @example [
                         *       "customer"
                         *     ]
                         */
                        roles: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A MyShop account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8",
                     *       "email": "ada@example.com",
                     *       "name": "Ada Lovelace",
                     *       "roles": [
                     *         "customer"
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8 */
                        id: string;
                        /** Format: email */
                        email: string;
                        /** @example Ada Lovelace */
                        name: string;
                        /**
                         * @example [
                         *       "customer"
                         *     ]
                         */
                        roles: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setUserRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "roles": [
                 *         "customer"
                 *       ]
                 *     }
                 */
                "application/json": {
                    roles: ("customer" | "admin" | "catalog_manager" | "inventory_manager" | "support" | "analyst")[];
                };
                /**
                 * @example {
                 *       "roles": [
                 *         "customer"
                 *       ]
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    roles: ("customer" | "admin" | "catalog_manager" | "inventory_manager" | "support" | "analyst")[];
                };
                /**
                 * @example {
                 *       "roles": [
                 *         "customer"
                 *       ]
                 *     }
                 */
                "multipart/form-data": {
                    roles: ("customer" | "admin" | "catalog_manager" | "inventory_manager" | "support" | "analyst")[];
                };
            };
        };
        responses: {
            /** @description A MyShop account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8",
                     *       "email": "ada@example.com",
                     *       "name": "Ada Lovelace",
                     *       "roles": [
                     *         "customer"
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8 */
                        id: string;
                        /** Format: email */
                        email: string;
                        /** @example Ada Lovelace */
                        name: string;
                        /**
                         * @example [
                         *       "customer"
                         *     ]
                         */
                        roles: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestUnlock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                };
                /**
                 * @example {
                 *       "email": "ada@example.com"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** Format: email */
                    email: string;
                };
                /**
                 * @example {
                 *       "email": "ada@example.com"
                 *     }
                 */
                "multipart/form-data": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Response for status 202 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unlockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "issueCode": false
                 *     }
                 */
                "application/json": {
                    /** @description Also issue an unlock code to hand to the owner */
                    issueCode?: boolean;
                };
                /**
                 * @example {
                 *       "issueCode": false
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** @description Also issue an unlock code to hand to the owner */
                    issueCode?: boolean;
                };
                /**
                 * @example {
                 *       "issueCode": false
                 *     }
                 */
                "multipart/form-data": {
                    /** @description Also issue an unlock code to hand to the owner */
                    issueCode?: boolean;
                };
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8",
                     *       "cleared": 3,
                     *       "unlockCode": "K7QX-2M9P-4RTW-8HJN",
                     *       "expiresAt": "2026-03-01T12:15:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8 */
                        userId: string;
                        /**
                         * @description Failure counters removed
                         * @example 3
                         */
                        cleared: string | number;
                        /**
                         * @description A one-time code for the owner to sign in with
                         * @example K7QX-2M9P-4RTW-8HJN
                         */
                        unlockCode?: string;
                        /**
                         * Format: date-time
                         * @example 2026-03-01T12:15:00.000Z
                         */
                        expiresAt?: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueServiceToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "service": "user",
                 *       "secret": "example secret"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    service: "user" | "product" | "order" | "payment" | "inventory" | "notification" | "analytics";
                    /** @description The service’s secret, derived from SERVICE_AUTH_SECRET (`myshop services secret NAME`) */
                    secret: string;
                };
                /**
                 * @example {
                 *       "service": "user",
                 *       "secret": "example secret"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** @enum {string} */
                    service: "user" | "product" | "order" | "payment" | "inventory" | "notification" | "analytics";
                    /** @description The service’s secret, derived from SERVICE_AUTH_SECRET (`myshop services secret NAME`) */
                    secret: string;
                };
                /**
                 * @example {
                 *       "service": "user",
                 *       "secret": "example secret"
                 *     }
                 */
                "multipart/form-data": {
                    /** @enum {string} */
                    service: "user" | "product" | "order" | "payment" | "inventory" | "notification" | "analytics";
                    /** @description The service’s secret, derived from SERVICE_AUTH_SECRET (`myshop services secret NAME`) */
                    secret: string;
                };
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "accessToken": "example accessToken",
                     *       "expiresIn": 1,
                     *       "tokenType": "Bearer"
                     *     }
                     */
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires */
                        expiresIn: string | number;
                        /** @constant */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "example id",
                     *           "parentId": "example parentId",
                     *           "name": "example name",
                     *           "slug": "example slug",
                     *           "path": "example path",
                     *           "createdAt": "2026-01-15T09:30:00.000Z",
                     *           "updatedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            parentId: string | null;
                            name: string;
                            slug: string;
                            /** @description Names from the root, joined by ' > ' */
                            path: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCategory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "name",
                 *       "slug": "slug",
                 *       "parentId": "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *     }
                 */
                "application/json": {
                    name: string;
                    slug?: string;
                    parentId?: string | null;
                };
                /**
                 * @example {
                 *       "name": "name",
                 *       "slug": "slug",
                 *       "parentId": "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    name: string;
                    slug?: string;
                    parentId?: string | null;
                };
                /**
                 * @example {
                 *       "name": "name",
                 *       "slug": "slug",
                 *       "parentId": "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *     }
                 */
                "multipart/form-data": {
                    name: string;
                    slug?: string;
                    parentId?: string | null;
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "parentId": "example parentId",
                     *       "name": "example name",
                     *       "slug": "example slug",
                     *       "path": "example path",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        parentId: string | null;
                        name: string;
                        slug: string;
                        /** @description Names from the root, joined by ' > ' */
                        path: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "parentId": "example parentId",
                     *       "name": "example name",
                     *       "slug": "example slug",
                     *       "path": "example path",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        parentId: string | null;
                        name: string;
                        slug: string;
                        /** @description Names from the root, joined by ' > ' */
                        path: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 204 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "name",
                 *       "slug": "slug",
                 *       "parentId": "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *     }
                 */
                "application/json": {
                    name?: string;
                    slug?: string;
                    parentId?: string | null;
                };
                /**
                 * @example {
                 *       "name": "name",
                 *       "slug": "slug",
                 *       "parentId": "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    name?: string;
                    slug?: string;
                    parentId?: string | null;
                };
                /**
                 * @example {
                 *       "name": "name",
                 *       "slug": "slug",
                 *       "parentId": "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *     }
                 */
                "multipart/form-data": {
                    name?: string;
                    slug?: string;
                    parentId?: string | null;
                };
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "parentId": "example parentId",
                     *       "name": "example name",
                     *       "slug": "example slug",
                     *       "path": "example path",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        parentId: string | null;
                        name: string;
                        slug: string;
                        /** @description Names from the root, joined by ' > ' */
                        path: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                q?: string;
                category?: string;
                brand?: string;
                minPrice?: string | number;
                maxPrice?: string | number;
                sort?: "relevance" | "price_asc" | "price_desc" | "newest";
                option?: string[];
                limit?: string | number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK (ETag; 304 when If-None-Match matches) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "example id",
                     *           "slug": "example slug",
                     *           "name": "example name",
                     *           "description": "example description",
                     *           "brand": "example brand",
                     *           "attributes": {},
                     *           "status": "draft",
                     *           "categories": [
                     *             {
                     *               "id": "example id",
                     *               "name": "example name",
                     *               "slug": "example slug",
                     *               "path": "example path"
                     *             }
                     *           ],
                     *           "variants": [
                     *             {
                     *               "id": "example id",
                     *               "sku": "example sku",
                     *               "options": {},
                     *               "price": {
                     *                 "amount": 4900,
                     *                 "currency": "EUR"
                     *               },
                     *               "compareAtPrice": {
                     *                 "amount": 4900,
                     *                 "currency": "EUR"
                     *               },
                     *               "position": 1
                     *             }
                     *           ],
                     *           "options": [
                     *             {
                     *               "name": "example name",
                     *               "values": [
                     *                 "example values"
                     *               ]
                     *             }
                     *           ],
                     *           "images": [
                     *             {
                     *               "id": "example id",
                     *               "contentType": "example contentType",
                     *               "width": 1,
                     *               "height": 1,
                     *               "position": 1,
                     *               "urls": {
                     *                 "original": "example original",
                     *                 "medium": "example medium",
                     *                 "thumbnail": "example thumbnail"
                     *               }
                     *             }
                     *           ],
                     *           "price": {
                     *             "amount": 4900,
                     *             "currency": "EUR"
                     *           },
                     *           "createdAt": "2026-01-15T09:30:00.000Z",
                     *           "updatedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "facets": {
                     *         "categories": [
                     *           {
                     *             "value": "example value",
                     *             "label": "example label",
                     *             "count": 1
                     *           }
                     *         ],
                     *         "brands": [
                     *           {
                     *             "value": "example value",
                     *             "label": "example label",
                     *             "count": 1
                     *           }
                     *         ],
                     *         "prices": [
                     *           {
                     *             "from": 1,
                     *             "to": 1,
                     *             "count": 1
                     *           }
                     *         ],
                     *         "options": [
                     *           {
                     *             "name": "example name",
                     *             "label": "example label",
                     *             "values": [
                     *               {
                     *                 "value": "example value",
                     *                 "label": "example label",
                     *                 "count": 1
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "total": 1,
                     *       "nextCursor": "example nextCursor"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            slug: string;
                            name: string;
                            description: string;
                            brand: string | null;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                            status: "draft" | "active" | "archived";
                            categories: {
                                id: string;
                                name: string;
                                slug: string;
                                path: string;
                            }[];
                            variants: {
                                id: string;
                                sku: string;
                                options: {
                                    [key: string]: string;
                                };
                                price: {
                                    /**
                                     * @description Minor units (cents)
                                     * @example 4900
                                     */
                                    amount: string | number;
                                    /**
                                     * @description ISO-4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                };
                                compareAtPrice: {
                                    /**
                                     * @description Minor units (cents)
                                     * @example 4900
                                     */
                                    amount: string | number;
                                    /**
                                     * @description ISO-4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                } | null;
                                position: string | number;
                            }[];
                            /** @description The variants' options, each with its values in the order the variants first give them */
                            options: {
                                name: string;
                                values: string[];
                            }[];
                            images: {
                                id: string;
                                contentType: string;
                                width: string | number;
                                height: string | number;
                                position: string | number;
                                urls: {
                                    original: string;
                                    medium: string;
                                    thumbnail: string;
                                };
                            }[];
                            price: {
                                /**
                                 * @description Minor units (cents)
                                 * @example 4900
                                 */
                                amount: string | number;
                                /**
                                 * @description ISO-4217 code
                                 * @example EUR
                                 */
                                currency: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        facets: {
                            categories: {
                                value: string;
                                label: string;
                                count: string | number;
                            }[];
                            brands: {
                                value: string;
                                label: string;
                                count: string | number;
                            }[];
                            prices: {
                                from: string | number;
                                to: (string | number) | null;
                                count: string | number;
                            }[];
                            options: {
                                name: string;
                                label: string;
                                values: {
                                    value: string;
                                    label: string;
                                    count: string | number;
                                }[];
                            }[];
                        };
                        total: string | number;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid query, or an unknown category */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "detail": "Invalid query, or an unknown category",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Linen shirt",
                 *       "slug": "linen-shirt",
                 *       "description": "Washed linen, relaxed fit.",
                 *       "brand": "Acme",
                 *       "attributes": {},
                 *       "status": "draft",
                 *       "categoryIds": [
                 *         "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *       ],
                 *       "variants": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "options": {},
                 *           "price": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           },
                 *           "compareAtPrice": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @example Linen shirt */
                    name: string;
                    /** @example linen-shirt */
                    slug?: string;
                    /** @example Washed linen, relaxed fit. */
                    description?: string;
                    /** @example Acme */
                    brand?: string | null;
                    attributes?: {
                        [key: string]: string | number | boolean;
                    };
                    /** @enum {string} */
                    status?: "draft" | "active" | "archived";
                    categoryIds?: string[];
                    variants: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        options?: {
                            [key: string]: string;
                        };
                        price: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        };
                        compareAtPrice?: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        } | null;
                    }[];
                };
                /**
                 * @example {
                 *       "name": "Linen shirt",
                 *       "slug": "linen-shirt",
                 *       "description": "Washed linen, relaxed fit.",
                 *       "brand": "Acme",
                 *       "attributes": {},
                 *       "status": "draft",
                 *       "categoryIds": [
                 *         "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *       ],
                 *       "variants": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "options": {},
                 *           "price": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           },
                 *           "compareAtPrice": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** @example Linen shirt */
                    name: string;
                    /** @example linen-shirt */
                    slug?: string;
                    /** @example Washed linen, relaxed fit. */
                    description?: string;
                    /** @example Acme */
                    brand?: string | null;
                    attributes?: {
                        [key: string]: string | number | boolean;
                    };
                    /** @enum {string} */
                    status?: "draft" | "active" | "archived";
                    categoryIds?: string[];
                    variants: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        options?: {
                            [key: string]: string;
                        };
                        price: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        };
                        compareAtPrice?: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        } | null;
                    }[];
                };
                /**
                 * @example {
                 *       "name": "Linen shirt",
                 *       "slug": "linen-shirt",
                 *       "description": "Washed linen, relaxed fit.",
                 *       "brand": "Acme",
                 *       "attributes": {},
                 *       "status": "draft",
                 *       "categoryIds": [
                 *         "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *       ],
                 *       "variants": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "options": {},
                 *           "price": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           },
                 *           "compareAtPrice": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "multipart/form-data": {
                    /** @example Linen shirt */
                    name: string;
                    /** @example linen-shirt */
                    slug?: string;
                    /** @example Washed linen, relaxed fit. */
                    description?: string;
                    /** @example Acme */
                    brand?: string | null;
                    attributes?: {
                        [key: string]: string | number | boolean;
                    };
                    /** @enum {string} */
                    status?: "draft" | "active" | "archived";
                    categoryIds?: string[];
                    variants: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        options?: {
                            [key: string]: string;
                        };
                        price: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        };
                        compareAtPrice?: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        } | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "slug": "example slug",
                     *       "name": "example name",
                     *       "description": "example description",
                     *       "brand": "example brand",
                     *       "attributes": {},
                     *       "status": "draft",
                     *       "categories": [
                     *         {
                     *           "id": "example id",
                     *           "name": "example name",
                     *           "slug": "example slug",
                     *           "path": "example path"
                     *         }
                     *       ],
                     *       "variants": [
                     *         {
                     *           "id": "example id",
                     *           "sku": "example sku",
                     *           "options": {},
                     *           "price": {
                     *             "amount": 4900,
                     *             "currency": "EUR"
                     *           },
                     *           "compareAtPrice": {
                     *             "amount": 4900,
                     *             "currency": "EUR"
                     *           },
                     *           "position": 1
                     *         }
                     *       ],
                     *       "options": [
                     *         {
                     *           "name": "example name",
                     *           "values": [
                     *             "example values"
                     *           ]
                     *         }
                     *       ],
                     *       "images": [
                     *         {
                     *           "id": "example id",
                     *           "contentType": "example contentType",
                     *           "width": 1,
                     *           "height": 1,
                     *           "position": 1,
                     *           "urls": {
                     *             "original": "example original",
                     *             "medium": "example medium",
                     *             "thumbnail": "example thumbnail"
                     *           }
                     *         }
                     *       ],
                     *       "price": {
                     *         "amount": 4900,
                     *         "currency": "EUR"
                     *       },
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        description: string;
                        brand: string | null;
                        attributes: {
                            [key: string]: string | number | boolean;
                        };
                        /** @enum {string} */
                        status: "draft" | "active" | "archived";
                        categories: {
                            id: string;
                            name: string;
                            slug: string;
                            path: string;
                        }[];
                        variants: {
                            id: string;
                            sku: string;
                            options: {
                                [key: string]: string;
                            };
                            price: {
                                /**
                                 * @description Minor units (cents)
                                 * @example 4900
                                 */
                                amount: string | number;
                                /**
                                 * @description ISO-4217 code
                                 * @example EUR
                                 */
                                currency: string;
                            };
                            compareAtPrice: {
                                /**
                                 * @description Minor units (cents)
                                 * @example 4900
                                 */
                                amount: string | number;
                                /**
                                 * @description ISO-4217 code
                                 * @example EUR
                                 */
                                currency: string;
                            } | null;
                            position: string | number;
                        }[];
                        /** @description The variants' options, each with its values in the order the variants first give them */
                        options: {
                            name: string;
                            values: string[];
                        }[];
                        images: {
                            id: string;
                            contentType: string;
                            width: string | number;
                            height: string | number;
                            position: string | number;
                            urls: {
                                original: string;
                                medium: string;
                                thumbnail: string;
                            };
                        }[];
                        price: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    suggestProducts: {
        parameters: {
            query: {
                q: string;
                limit?: string | number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK (ETag; 304 when If-None-Match matches) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "suggestions": [
                     *         "example suggestions"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        suggestions: string[];
                    };
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid query */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "detail": "Invalid query",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK (ETag; 304 when If-None-Match matches) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "slug": "example slug",
                     *       "name": "example name",
                     *       "description": "example description",
                     *       "brand": "example brand",
                     *       "attributes": {},
                     *       "status": "draft",
                     *       "categories": [
                     *         {
                     *           "id": "example id",
                     *           "name": "example name",
                     *           "slug": "example slug",
                     *           "path": "example path"
                     *         }
                     *       ],
                     *       "variants": [
                     *         {
                     *           "id": "example id",
                     *           "sku": "example sku",
                     *           "options": {},
                     *           "price": {
                     *             "amount": 4900,
                     *             "currency": "EUR"
                     *           },
                     *           "compareAtPrice": {
                     *             "amount": 4900,
                     *             "currency": "EUR"
                     *           },
                     *           "position": 1
                     *         }
                     *       ],
                     *       "options": [
                     *         {
                     *           "name": "example name",
                     *           "values": [
                     *             "example values"
                     *           ]
                     *         }
                     *       ],
                     *       "images": [
                     *         {
                     *           "id": "example id",
                     *           "contentType": "example contentType",
                     *           "width": 1,
                     *           "height": 1,
                     *           "position": 1,
                     *           "urls": {
                     *             "original": "example original",
                     *             "medium": "example medium",
                     *             "thumbnail": "example thumbnail"
                     *           }
                     *         }
                     *       ],
                     *       "price": {
                     *         "amount": 4900,
                     *         "currency": "EUR"
                     *       },
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        description: string;
                        brand: string | null;
                        attributes: {
                            [key: string]: string | number | boolean;
                        };
                        status: "draft" | "active" | "archived";
                        categories: {
                            id: string;
                            name: string;
                            slug: string;
                            path: string;
                        }[];
                        variants: {
                            id: string;
                            sku: string;
                            options: {
                                [key: string]: string;
                            };
                            price: {
                                /**
                                 * @description Minor units (cents)
                                 * @example 4900
                                 */
                                amount: string | number;
                                /**
                                 * @description ISO-4217 code
                                 * @example EUR
                                 */
                                currency: string;
                            };
                            compareAtPrice: {
                                /**
                                 * @description Minor units (cents)
                                 * @example 4900
                                 */
                                amount: string | number;
                                /**
                                 * @description ISO-4217 code
                                 * @example EUR
                                 */
                                currency: string;
                            } | null;
                            position: string | number;
                        }[];
                        /** @description The variants' options, each with its values in the order the variants first give them */
                        options: {
                            name: string;
                            values: string[];
                        }[];
                        images: {
                            id: string;
                            contentType: string;
                            width: string | number;
                            height: string | number;
                            position: string | number;
                            urls: {
                                original: string;
                                medium: string;
                                thumbnail: string;
                            };
                        }[];
                        price: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "detail": "Not found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 204 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Linen shirt",
                 *       "slug": "linen-shirt",
                 *       "description": "Washed linen, relaxed fit.",
                 *       "brand": "Acme",
                 *       "attributes": {},
                 *       "status": "draft",
                 *       "categoryIds": [
                 *         "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *       ],
                 *       "variants": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "options": {},
                 *           "price": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           },
                 *           "compareAtPrice": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @example Linen shirt */
                    name?: string;
                    /** @example linen-shirt */
                    slug?: string;
                    /** @example Washed linen, relaxed fit. */
                    description?: string;
                    /** @example Acme */
                    brand?: string | null;
                    attributes?: {
                        [key: string]: string | number | boolean;
                    };
                    /** @enum {string} */
                    status?: "draft" | "active" | "archived";
                    categoryIds?: string[];
                    variants?: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        options?: {
                            [key: string]: string;
                        };
                        price: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        };
                        compareAtPrice?: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        } | null;
                    }[];
                };
                /**
                 * @example {
                 *       "name": "Linen shirt",
                 *       "slug": "linen-shirt",
                 *       "description": "Washed linen, relaxed fit.",
                 *       "brand": "Acme",
                 *       "attributes": {},
                 *       "status": "draft",
                 *       "categoryIds": [
                 *         "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *       ],
                 *       "variants": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "options": {},
                 *           "price": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           },
                 *           "compareAtPrice": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** @example Linen shirt */
                    name?: string;
                    /** @example linen-shirt */
                    slug?: string;
                    /** @example Washed linen, relaxed fit. */
                    description?: string;
                    /** @example Acme */
                    brand?: string | null;
                    attributes?: {
                        [key: string]: string | number | boolean;
                    };
                    /** @enum {string} */
                    status?: "draft" | "active" | "archived";
                    categoryIds?: string[];
                    variants?: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        options?: {
                            [key: string]: string;
                        };
                        price: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        };
                        compareAtPrice?: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        } | null;
                    }[];
                };
                /**
                 * @example {
                 *       "name": "Linen shirt",
                 *       "slug": "linen-shirt",
                 *       "description": "Washed linen, relaxed fit.",
                 *       "brand": "Acme",
                 *       "attributes": {},
                 *       "status": "draft",
                 *       "categoryIds": [
                 *         "cat_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                 *       ],
                 *       "variants": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "options": {},
                 *           "price": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           },
                 *           "compareAtPrice": {
                 *             "amount": 4900,
                 *             "currency": "EUR"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "multipart/form-data": {
                    /** @example Linen shirt */
                    name?: string;
                    /** @example linen-shirt */
                    slug?: string;
                    /** @example Washed linen, relaxed fit. */
                    description?: string;
                    /** @example Acme */
                    brand?: string | null;
                    attributes?: {
                        [key: string]: string | number | boolean;
                    };
                    /** @enum {string} */
                    status?: "draft" | "active" | "archived";
                    categoryIds?: string[];
                    variants?: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        options?: {
                            [key: string]: string;
                        };
                        price: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        };
                        compareAtPrice?: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        } | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "slug": "example slug",
                     *       "name": "example name",
                     *       "description": "example description",
                     *       "brand": "example brand",
                     *       "attributes": {},
                     *       "status": "draft",
                     *       "categories": [
                     *         {
                     *           "id": "example id",
                     *           "name": "example name",
                     *           "slug": "example slug",
                     *           "path": "example path"
                     *         }
                     *       ],
                     *       "variants": [
                     *         {
                     *           "id": "example id",
                     *           "sku": "example sku",
                     *           "options": {},
                     *           "price": {
                     *             "amount": 4900,
                     *             "currency": "EUR"
                     *           },
                     *           "compareAtPrice": {
                     *             "amount": 4900,
                     *             "currency": "EUR"
                     *           },
                     *           "position": 1
                     *         }
                     *       ],
                     *       "options": [
                     *         {
                     *           "name": "example name",
                     *           "values": [
                     *             "example values"
                     *           ]
                     *         }
                     *       ],
                     *       "images": [
                     *         {
                     *           "id": "example id",
                     *           "contentType": "example contentType",
                     *           "width": 1,
                     *           "height": 1,
                     *           "position": 1,
                     *           "urls": {
                     *             "original": "example original",
                     *             "medium": "example medium",
                     *             "thumbnail": "example thumbnail"
                     *           }
                     *         }
                     *       ],
                     *       "price": {
                     *         "amount": 4900,
                     *         "currency": "EUR"
                     *       },
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        description: string;
                        brand: string | null;
                        attributes: {
                            [key: string]: string | number | boolean;
                        };
                        /** @enum {string} */
                        status: "draft" | "active" | "archived";
                        categories: {
                            id: string;
                            name: string;
                            slug: string;
                            path: string;
                        }[];
                        variants: {
                            id: string;
                            sku: string;
                            options: {
                                [key: string]: string;
                            };
                            price: {
                                /**
                                 * @description Minor units (cents)
                                 * @example 4900
                                 */
                                amount: string | number;
                                /**
                                 * @description ISO-4217 code
                                 * @example EUR
                                 */
                                currency: string;
                            };
                            compareAtPrice: {
                                /**
                                 * @description Minor units (cents)
                                 * @example 4900
                                 */
                                amount: string | number;
                                /**
                                 * @description ISO-4217 code
                                 * @example EUR
                                 */
                                currency: string;
                            } | null;
                            position: string | number;
                        }[];
                        /** @description The variants' options, each with its values in the order the variants first give them */
                        options: {
                            name: string;
                            values: string[];
                        }[];
                        images: {
                            id: string;
                            contentType: string;
                            width: string | number;
                            height: string | number;
                            position: string | number;
                            urls: {
                                original: string;
                                medium: string;
                                thumbnail: string;
                            };
                        }[];
                        price: {
                            /**
                             * @description Minor units (cents)
                             * @example 4900
                             */
                            amount: string | number;
                            /**
                             * @description ISO-4217 code
                             * @example EUR
                             */
                            currency: string;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importCatalog: {
        parameters: {
            query?: {
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "rows": [
                 *         {
                 *           "line": 1,
                 *           "sku": "example sku",
                 *           "name": "example name",
                 *           "description": "example description",
                 *           "brand": "example brand",
                 *           "category": "example category",
                 *           "price": "example price",
                 *           "currency": "example cu",
                 *           "status": "example status",
                 *           "slug": "example slug",
                 *           "options": "example options",
                 *           "compareAtPrice": "example compareAtPrice",
                 *           "attributes": "example attributes"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    rows: {
                        /** @description The row’s line in its file, echoed back in failures */
                        line: string | number;
                        /** @description The key the import upserts by */
                        sku: string;
                        /** @description Required for a new product, on one of its rows; may be empty */
                        name: string;
                        description?: string;
                        brand?: string;
                        /** @description Category paths, `Electronics > Phones`, up to 20 separated by `|`; missing ones are created */
                        category?: string;
                        /** @description A decimal in the currency’s major unit, e.g. `12.99` */
                        price: string;
                        /** @description A circulating ISO 4217 code */
                        currency: string;
                        /** @description `draft`, `active` (the default) or `archived` */
                        status?: string;
                        /** @description Rows with the same slug are the variants of one product */
                        slug?: string;
                        /** @description Option values, `Size=M; Colour=Navy` (`\` escapes `;`, `=`, `\`) */
                        options?: string;
                        /** @description The price before a reduction, as `price` */
                        compareAtPrice?: string;
                        /** @description The product’s attributes, a JSON object of texts, numbers, booleans */
                        attributes?: string;
                    }[];
                };
                /**
                 * @example {
                 *       "rows": [
                 *         {
                 *           "line": 1,
                 *           "sku": "example sku",
                 *           "name": "example name",
                 *           "description": "example description",
                 *           "brand": "example brand",
                 *           "category": "example category",
                 *           "price": "example price",
                 *           "currency": "example cu",
                 *           "status": "example status",
                 *           "slug": "example slug",
                 *           "options": "example options",
                 *           "compareAtPrice": "example compareAtPrice",
                 *           "attributes": "example attributes"
                 *         }
                 *       ]
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    rows: {
                        /** @description The row’s line in its file, echoed back in failures */
                        line: string | number;
                        /** @description The key the import upserts by */
                        sku: string;
                        /** @description Required for a new product, on one of its rows; may be empty */
                        name: string;
                        description?: string;
                        brand?: string;
                        /** @description Category paths, `Electronics > Phones`, up to 20 separated by `|`; missing ones are created */
                        category?: string;
                        /** @description A decimal in the currency’s major unit, e.g. `12.99` */
                        price: string;
                        /** @description A circulating ISO 4217 code */
                        currency: string;
                        /** @description `draft`, `active` (the default) or `archived` */
                        status?: string;
                        /** @description Rows with the same slug are the variants of one product */
                        slug?: string;
                        /** @description Option values, `Size=M; Colour=Navy` (`\` escapes `;`, `=`, `\`) */
                        options?: string;
                        /** @description The price before a reduction, as `price` */
                        compareAtPrice?: string;
                        /** @description The product’s attributes, a JSON object of texts, numbers, booleans */
                        attributes?: string;
                    }[];
                };
                /**
                 * @example {
                 *       "rows": [
                 *         {
                 *           "line": 1,
                 *           "sku": "example sku",
                 *           "name": "example name",
                 *           "description": "example description",
                 *           "brand": "example brand",
                 *           "category": "example category",
                 *           "price": "example price",
                 *           "currency": "example cu",
                 *           "status": "example status",
                 *           "slug": "example slug",
                 *           "options": "example options",
                 *           "compareAtPrice": "example compareAtPrice",
                 *           "attributes": "example attributes"
                 *         }
                 *       ]
                 *     }
                 */
                "multipart/form-data": {
                    rows: {
                        /** @description The row’s line in its file, echoed back in failures */
                        line: string | number;
                        /** @description The key the import upserts by */
                        sku: string;
                        /** @description Required for a new product, on one of its rows; may be empty */
                        name: string;
                        description?: string;
                        brand?: string;
                        /** @description Category paths, `Electronics > Phones`, up to 20 separated by `|`; missing ones are created */
                        category?: string;
                        /** @description A decimal in the currency’s major unit, e.g. `12.99` */
                        price: string;
                        /** @description A circulating ISO 4217 code */
                        currency: string;
                        /** @description `draft`, `active` (the default) or `archived` */
                        status?: string;
                        /** @description Rows with the same slug are the variants of one product */
                        slug?: string;
                        /** @description Option values, `Size=M; Colour=Navy` (`\` escapes `;`, `=`, `\`) */
                        options?: string;
                        /** @description The price before a reduction, as `price` */
                        compareAtPrice?: string;
                        /** @description The product’s attributes, a JSON object of texts, numbers, booleans */
                        attributes?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "created": 1,
                     *       "updated": 1,
                     *       "failed": [
                     *         {
                     *           "line": 1,
                     *           "sku": "example sku",
                     *           "errors": [
                     *             {
                     *               "path": "example path",
                     *               "message": "example message"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        created: string | number;
                        updated: string | number;
                        failed: {
                            line: string | number;
                            sku: string;
                            errors: {
                                path: string;
                                message: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportCatalog: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: string | number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "example id",
                     *           "slug": "example slug",
                     *           "name": "example name",
                     *           "description": "example description",
                     *           "brand": "example brand",
                     *           "attributes": {},
                     *           "status": "draft",
                     *           "categories": [
                     *             {
                     *               "id": "example id",
                     *               "name": "example name",
                     *               "slug": "example slug",
                     *               "path": "example path"
                     *             }
                     *           ],
                     *           "variants": [
                     *             {
                     *               "id": "example id",
                     *               "sku": "example sku",
                     *               "options": {},
                     *               "price": {
                     *                 "amount": 4900,
                     *                 "currency": "EUR"
                     *               },
                     *               "compareAtPrice": {
                     *                 "amount": 4900,
                     *                 "currency": "EUR"
                     *               },
                     *               "position": 1
                     *             }
                     *           ],
                     *           "options": [
                     *             {
                     *               "name": "example name",
                     *               "values": [
                     *                 "example values"
                     *               ]
                     *             }
                     *           ],
                     *           "images": [
                     *             {
                     *               "id": "example id",
                     *               "contentType": "example contentType",
                     *               "width": 1,
                     *               "height": 1,
                     *               "position": 1,
                     *               "urls": {
                     *                 "original": "example original",
                     *                 "medium": "example medium",
                     *                 "thumbnail": "example thumbnail"
                     *               }
                     *             }
                     *           ],
                     *           "price": {
                     *             "amount": 4900,
                     *             "currency": "EUR"
                     *           },
                     *           "createdAt": "2026-01-15T09:30:00.000Z",
                     *           "updatedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": "example nextCursor"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            slug: string;
                            name: string;
                            description: string;
                            brand: string | null;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                            /** @enum {string} */
                            status: "draft" | "active" | "archived";
                            categories: {
                                id: string;
                                name: string;
                                slug: string;
                                path: string;
                            }[];
                            variants: {
                                id: string;
                                sku: string;
                                options: {
                                    [key: string]: string;
                                };
                                price: {
                                    /**
                                     * @description Minor units (cents)
                                     * @example 4900
                                     */
                                    amount: string | number;
                                    /**
                                     * @description ISO-4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                };
                                compareAtPrice: {
                                    /**
                                     * @description Minor units (cents)
                                     * @example 4900
                                     */
                                    amount: string | number;
                                    /**
                                     * @description ISO-4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                } | null;
                                position: string | number;
                            }[];
                            /** @description The variants' options, each with its values in the order the variants first give them */
                            options: {
                                name: string;
                                values: string[];
                            }[];
                            images: {
                                id: string;
                                contentType: string;
                                width: string | number;
                                height: string | number;
                                position: string | number;
                                urls: {
                                    original: string;
                                    medium: string;
                                    thumbnail: string;
                                };
                            }[];
                            price: {
                                /**
                                 * @description Minor units (cents)
                                 * @example 4900
                                 */
                                amount: string | number;
                                /**
                                 * @description ISO-4217 code
                                 * @example EUR
                                 */
                                currency: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startReindex: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 202 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobId": "example jobId",
                     *       "engine": "example engine",
                     *       "status": "running",
                     *       "indexed": 1,
                     *       "error": "example error",
                     *       "startedAt": "2026-01-15T09:30:00.000Z",
                     *       "finishedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        jobId: string;
                        engine: string;
                        /** @enum {string} */
                        status: "running" | "succeeded" | "failed";
                        indexed: string | number;
                        error: string | null;
                        /** Format: date-time */
                        startedAt: string;
                        /** Format: date-time */
                        finishedAt: string | null;
                    };
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReindexJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobId": "example jobId",
                     *       "engine": "example engine",
                     *       "status": "running",
                     *       "indexed": 1,
                     *       "error": "example error",
                     *       "startedAt": "2026-01-15T09:30:00.000Z",
                     *       "finishedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        jobId: string;
                        engine: string;
                        /** @enum {string} */
                        status: "running" | "succeeded" | "failed";
                        indexed: string | number;
                        error: string | null;
                        /** Format: date-time */
                        startedAt: string;
                        /** Format: date-time */
                        finishedAt: string | null;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadProductImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "file": "example file"
                 *     }
                 */
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "obj_01JD8X5ZQ4V3N6M2K7P9R1T0W5",
                     *       "contentType": "example contentType",
                     *       "width": 1,
                     *       "height": 1,
                     *       "position": 1,
                     *       "urls": {
                     *         "original": "example original",
                     *         "medium": "example medium",
                     *         "thumbnail": "example thumbnail"
                     *       }
                     *     }
                     */
                    "application/json": {
                        id: string;
                        contentType: string;
                        width: string | number;
                        height: string | number;
                        position: string | number;
                        urls: {
                            original: string;
                            medium: string;
                            thumbnail: string;
                        };
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    presignProductImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "contentType": "example contentType",
                 *       "size": 1
                 *     }
                 */
                "application/json": {
                    contentType: string;
                    size: string | number;
                };
                /**
                 * @example {
                 *       "contentType": "example contentType",
                 *       "size": 1
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    contentType: string;
                    size: string | number;
                };
                /**
                 * @example {
                 *       "contentType": "example contentType",
                 *       "size": 1
                 *     }
                 */
                "multipart/form-data": {
                    contentType: string;
                    size: string | number;
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "uploadUrl": "example uploadUrl",
                     *       "key": "example key",
                     *       "expiresIn": 1,
                     *       "headers": {
                     *         "content-type": "example content-type"
                     *       },
                     *       "confirmUrl": "example confirmUrl"
                     *     }
                     */
                    "application/json": {
                        uploadUrl: string;
                        key: string;
                        expiresIn: string | number;
                        headers: {
                            "content-type": string;
                        };
                        confirmUrl: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmProductImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "key": "example key"
                 *     }
                 */
                "application/json": {
                    key: string;
                };
                /**
                 * @example {
                 *       "key": "example key"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    key: string;
                };
                /**
                 * @example {
                 *       "key": "example key"
                 *     }
                 */
                "multipart/form-data": {
                    key: string;
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "obj_01JD8X5ZQ4V3N6M2K7P9R1T0W5",
                     *       "contentType": "example contentType",
                     *       "width": 1,
                     *       "height": 1,
                     *       "position": 1,
                     *       "urls": {
                     *         "original": "example original",
                     *         "medium": "example medium",
                     *         "thumbnail": "example thumbnail"
                     *       }
                     *     }
                     */
                    "application/json": {
                        id: string;
                        contentType: string;
                        width: string | number;
                        height: string | number;
                        position: string | number;
                        urls: {
                            original: string;
                            medium: string;
                            thumbnail: string;
                        };
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteProductImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                imageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 204 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMediaFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, immutable (its key embeds a fresh image id) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example example */
                    "image/*": string;
                };
            };
            /** @description Not modified (If-None-Match) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such media file */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "detail": "No such media file",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkout: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "shippingAddress": {
                 *         "name": "name",
                 *         "line1": "line",
                 *         "line2": "line",
                 *         "city": "city",
                 *         "postalCode": "postalcode",
                 *         "region": "region",
                 *         "country": "DE"
                 *       },
                 *       "shippingOption": "shippingoption",
                 *       "payment": {
                 *         "provider": "test",
                 *         "token": "tok_visa"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description The cart to buy */
                    cartId: string;
                    /** Format: email */
                    email: string;
                    shippingAddress: {
                        name: string;
                        line1: string;
                        line2?: string;
                        city: string;
                        postalCode: string;
                        region?: string;
                        /**
                         * @description ISO 3166-1 alpha-2
                         * @example DE
                         */
                        country: string;
                        phone?: string;
                    };
                    /** @description The id of a shipping option offered for the address (GET /api/v1/shipping-options) */
                    shippingOption: string;
                    payment: {
                        /**
                         * @description Who processes the card
                         * @constant
                         */
                        provider: "test";
                        /**
                         * @description The provider's token for the card (the test provider's: tok_visa, tok_3ds, ...)
                         * @example tok_visa
                         */
                        token: string;
                    };
                };
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "shippingAddress": {
                 *         "name": "name",
                 *         "line1": "line",
                 *         "line2": "line",
                 *         "city": "city",
                 *         "postalCode": "postalcode",
                 *         "region": "region",
                 *         "country": "DE"
                 *       },
                 *       "shippingOption": "shippingoption",
                 *       "payment": {
                 *         "provider": "test",
                 *         "token": "tok_visa"
                 *       }
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** @description The cart to buy */
                    cartId: string;
                    /** Format: email */
                    email: string;
                    shippingAddress: {
                        name: string;
                        line1: string;
                        line2?: string;
                        city: string;
                        postalCode: string;
                        region?: string;
                        /**
                         * @description ISO 3166-1 alpha-2
                         * @example DE
                         */
                        country: string;
                        phone?: string;
                    };
                    /** @description The id of a shipping option offered for the address (GET /api/v1/shipping-options) */
                    shippingOption: string;
                    payment: {
                        /**
                         * @description Who processes the card
                         * @constant
                         */
                        provider: "test";
                        /**
                         * @description The provider's token for the card (the test provider's: tok_visa, tok_3ds, ...)
                         * @example tok_visa
                         */
                        token: string;
                    };
                };
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "shippingAddress": {
                 *         "name": "name",
                 *         "line1": "line",
                 *         "line2": "line",
                 *         "city": "city",
                 *         "postalCode": "postalcode",
                 *         "region": "region",
                 *         "country": "DE"
                 *       },
                 *       "shippingOption": "shippingoption",
                 *       "payment": {
                 *         "provider": "test",
                 *         "token": "tok_visa"
                 *       }
                 *     }
                 */
                "multipart/form-data": {
                    /** @description The cart to buy */
                    cartId: string;
                    /** Format: email */
                    email: string;
                    shippingAddress: {
                        name: string;
                        line1: string;
                        line2?: string;
                        city: string;
                        postalCode: string;
                        region?: string;
                        /**
                         * @description ISO 3166-1 alpha-2
                         * @example DE
                         */
                        country: string;
                        phone?: string;
                    };
                    /** @description The id of a shipping option offered for the address (GET /api/v1/shipping-options) */
                    shippingOption: string;
                    payment: {
                        /**
                         * @description Who processes the card
                         * @constant
                         */
                        provider: "test";
                        /**
                         * @description The provider's token for the card (the test provider's: tok_visa, tok_3ds, ...)
                         * @example tok_visa
                         */
                        token: string;
                    };
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "userId": "example userId",
                     *       "email": "example email",
                     *       "status": "pending",
                     *       "currency": "CUR",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "productId": "example productId",
                     *           "name": "example name",
                     *           "unitPrice": 0,
                     *           "quantity": 1,
                     *           "lineTotal": 0
                     *         }
                     *       ],
                     *       "totals": {
                     *         "subtotal": 0,
                     *         "shipping": 0,
                     *         "tax": 0,
                     *         "total": 0,
                     *         "refunded": 0
                     *       },
                     *       "shippingAddress": {
                     *         "name": "name",
                     *         "line1": "line",
                     *         "line2": "line",
                     *         "city": "city",
                     *         "postalCode": "postalcode",
                     *         "region": "region",
                     *         "country": "DE"
                     *       },
                     *       "shippingOption": {
                     *         "id": "example id",
                     *         "name": "example name",
                     *         "amount": 0
                     *       },
                     *       "payment": {
                     *         "id": "example id",
                     *         "provider": "example provider",
                     *         "status": "example status"
                     *       },
                     *       "fulfillments": [
                     *         {
                     *           "id": "example id",
                     *           "trackingNumber": "example trackingNumber",
                     *           "carrier": "example carrier",
                     *           "shippedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "history": [
                     *         {
                     *           "status": "pending",
                     *           "at": "2026-01-15T09:30:00.000Z",
                     *           "actor": "example actor",
                     *           "note": "example note"
                     *         }
                     *       ],
                     *       "sagaId": "example sagaId",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z",
                     *       "nextAction": {
                     *         "type": "redirect",
                     *         "url": "example url"
                     *       }
                     *     }
                     */
                    "application/json": {
                        id: string;
                        userId: string | null;
                        email: string;
                        /**
                         * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                         * @default pending
                         * @enum {string}
                         */
                        status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                        currency: string;
                        lines: {
                            sku: string;
                            productId: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            unitPrice: string | number;
                            quantity: string | number;
                            /** @description Minor units of the order’s currency */
                            lineTotal: string | number;
                        }[];
                        /** @description total = subtotal + shipping + tax; refunded is all given back so far */
                        totals: {
                            /** @description Minor units of the order’s currency */
                            subtotal: string | number;
                            /** @description Minor units of the order’s currency */
                            shipping: string | number;
                            /** @description Minor units of the order’s currency */
                            tax: string | number;
                            /** @description Minor units of the order’s currency */
                            total: string | number;
                            /** @description Minor units of the order’s currency */
                            refunded: string | number;
                        };
                        shippingAddress: {
                            name: string;
                            line1: string;
                            line2?: string;
                            city: string;
                            postalCode: string;
                            region?: string;
                            /**
                             * @description ISO 3166-1 alpha-2
                             * @example DE
                             */
                            country: string;
                            phone?: string;
                        };
                        shippingOption: {
                            id: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            amount: string | number;
                        };
                        payment: {
                            id: string | null;
                            provider: string;
                            status: string | null;
                        };
                        fulfillments: {
                            id: string;
                            trackingNumber: string;
                            carrier: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                        }[];
                        /** @description Oldest first */
                        history: {
                            /**
                             * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                             * @default pending
                             * @enum {string}
                             */
                            status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                            /** Format: date-time */
                            at: string;
                            /** @description usr_…, svc:order, or system */
                            actor: string;
                            note: string | null;
                        }[];
                        sagaId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description Where the customer approves the payment (202), or null */
                        nextAction: {
                            /** @constant */
                            type: "redirect";
                            url: string;
                        } | null;
                    };
                };
            };
            /** @description Response for status 202 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "userId": "example userId",
                     *       "email": "example email",
                     *       "status": "pending",
                     *       "currency": "CUR",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "productId": "example productId",
                     *           "name": "example name",
                     *           "unitPrice": 0,
                     *           "quantity": 1,
                     *           "lineTotal": 0
                     *         }
                     *       ],
                     *       "totals": {
                     *         "subtotal": 0,
                     *         "shipping": 0,
                     *         "tax": 0,
                     *         "total": 0,
                     *         "refunded": 0
                     *       },
                     *       "shippingAddress": {
                     *         "name": "name",
                     *         "line1": "line",
                     *         "line2": "line",
                     *         "city": "city",
                     *         "postalCode": "postalcode",
                     *         "region": "region",
                     *         "country": "DE"
                     *       },
                     *       "shippingOption": {
                     *         "id": "example id",
                     *         "name": "example name",
                     *         "amount": 0
                     *       },
                     *       "payment": {
                     *         "id": "example id",
                     *         "provider": "example provider",
                     *         "status": "example status"
                     *       },
                     *       "fulfillments": [
                     *         {
                     *           "id": "example id",
                     *           "trackingNumber": "example trackingNumber",
                     *           "carrier": "example carrier",
                     *           "shippedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "history": [
                     *         {
                     *           "status": "pending",
                     *           "at": "2026-01-15T09:30:00.000Z",
                     *           "actor": "example actor",
                     *           "note": "example note"
                     *         }
                     *       ],
                     *       "sagaId": "example sagaId",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z",
                     *       "nextAction": {
                     *         "type": "redirect",
                     *         "url": "example url"
                     *       }
                     *     }
                     */
                    "application/json": {
                        id: string;
                        userId: string | null;
                        email: string;
                        /**
                         * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                         * @default pending
                         * @enum {string}
                         */
                        status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                        currency: string;
                        lines: {
                            sku: string;
                            productId: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            unitPrice: string | number;
                            quantity: string | number;
                            /** @description Minor units of the order’s currency */
                            lineTotal: string | number;
                        }[];
                        /** @description total = subtotal + shipping + tax; refunded is all given back so far */
                        totals: {
                            /** @description Minor units of the order’s currency */
                            subtotal: string | number;
                            /** @description Minor units of the order’s currency */
                            shipping: string | number;
                            /** @description Minor units of the order’s currency */
                            tax: string | number;
                            /** @description Minor units of the order’s currency */
                            total: string | number;
                            /** @description Minor units of the order’s currency */
                            refunded: string | number;
                        };
                        shippingAddress: {
                            name: string;
                            line1: string;
                            line2?: string;
                            city: string;
                            postalCode: string;
                            region?: string;
                            /**
                             * @description ISO 3166-1 alpha-2
                             * @example DE
                             */
                            country: string;
                            phone?: string;
                        };
                        shippingOption: {
                            id: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            amount: string | number;
                        };
                        payment: {
                            id: string | null;
                            provider: string;
                            status: string | null;
                        };
                        fulfillments: {
                            id: string;
                            trackingNumber: string;
                            carrier: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                        }[];
                        /** @description Oldest first */
                        history: {
                            /**
                             * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                             * @default pending
                             * @enum {string}
                             */
                            status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                            /** Format: date-time */
                            at: string;
                            /** @description usr_…, svc:order, or system */
                            actor: string;
                            note: string | null;
                        }[];
                        sagaId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description Where the customer approves the payment (202), or null */
                        nextAction: {
                            /** @constant */
                            type: "redirect";
                            url: string;
                        } | null;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error 402 */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payment-declined",
                     *       "title": "Payment declined",
                     *       "status": 402,
                     *       "code": "payment_declined",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "userId": "example userId",
                     *       "email": "example email",
                     *       "status": "pending",
                     *       "currency": "CUR",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "productId": "example productId",
                     *           "name": "example name",
                     *           "unitPrice": 0,
                     *           "quantity": 1,
                     *           "lineTotal": 0
                     *         }
                     *       ],
                     *       "totals": {
                     *         "subtotal": 0,
                     *         "shipping": 0,
                     *         "tax": 0,
                     *         "total": 0,
                     *         "refunded": 0
                     *       },
                     *       "shippingAddress": {
                     *         "name": "name",
                     *         "line1": "line",
                     *         "line2": "line",
                     *         "city": "city",
                     *         "postalCode": "postalcode",
                     *         "region": "region",
                     *         "country": "DE"
                     *       },
                     *       "shippingOption": {
                     *         "id": "example id",
                     *         "name": "example name",
                     *         "amount": 0
                     *       },
                     *       "payment": {
                     *         "id": "example id",
                     *         "provider": "example provider",
                     *         "status": "example status"
                     *       },
                     *       "fulfillments": [
                     *         {
                     *           "id": "example id",
                     *           "trackingNumber": "example trackingNumber",
                     *           "carrier": "example carrier",
                     *           "shippedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "history": [
                     *         {
                     *           "status": "pending",
                     *           "at": "2026-01-15T09:30:00.000Z",
                     *           "actor": "example actor",
                     *           "note": "example note"
                     *         }
                     *       ],
                     *       "sagaId": "example sagaId",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        userId: string | null;
                        email: string;
                        /**
                         * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                         * @default pending
                         * @enum {string}
                         */
                        status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                        currency: string;
                        lines: {
                            sku: string;
                            productId: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            unitPrice: string | number;
                            quantity: string | number;
                            /** @description Minor units of the order’s currency */
                            lineTotal: string | number;
                        }[];
                        /** @description total = subtotal + shipping + tax; refunded is all given back so far */
                        totals: {
                            /** @description Minor units of the order’s currency */
                            subtotal: string | number;
                            /** @description Minor units of the order’s currency */
                            shipping: string | number;
                            /** @description Minor units of the order’s currency */
                            tax: string | number;
                            /** @description Minor units of the order’s currency */
                            total: string | number;
                            /** @description Minor units of the order’s currency */
                            refunded: string | number;
                        };
                        shippingAddress: {
                            name: string;
                            line1: string;
                            line2?: string;
                            city: string;
                            postalCode: string;
                            region?: string;
                            /**
                             * @description ISO 3166-1 alpha-2
                             * @example DE
                             */
                            country: string;
                            phone?: string;
                        };
                        shippingOption: {
                            id: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            amount: string | number;
                        };
                        payment: {
                            id: string | null;
                            provider: string;
                            status: string | null;
                        };
                        fulfillments: {
                            id: string;
                            trackingNumber: string;
                            carrier: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                        }[];
                        /** @description Oldest first */
                        history: {
                            /**
                             * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                             * @default pending
                             * @enum {string}
                             */
                            status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                            /** Format: date-time */
                            at: string;
                            /** @description usr_…, svc:order, or system */
                            actor: string;
                            note: string | null;
                        }[];
                        sagaId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refundOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "amount": 1,
                 *       "restock": false,
                 *       "reason": "reason"
                 *     }
                 */
                "application/json": {
                    /** @description Minor units to give back; everything left when absent */
                    amount?: string | number;
                    /** @description Put the order's units back in stock (goods returned) */
                    restock?: boolean;
                    reason?: string;
                };
                /**
                 * @example {
                 *       "amount": 1,
                 *       "restock": false,
                 *       "reason": "reason"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** @description Minor units to give back; everything left when absent */
                    amount?: string | number;
                    /** @description Put the order's units back in stock (goods returned) */
                    restock?: boolean;
                    reason?: string;
                };
                /**
                 * @example {
                 *       "amount": 1,
                 *       "restock": false,
                 *       "reason": "reason"
                 *     }
                 */
                "multipart/form-data": {
                    /** @description Minor units to give back; everything left when absent */
                    amount?: string | number;
                    /** @description Put the order's units back in stock (goods returned) */
                    restock?: boolean;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "userId": "example userId",
                     *       "email": "example email",
                     *       "status": "pending",
                     *       "currency": "CUR",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "productId": "example productId",
                     *           "name": "example name",
                     *           "unitPrice": 0,
                     *           "quantity": 1,
                     *           "lineTotal": 0
                     *         }
                     *       ],
                     *       "totals": {
                     *         "subtotal": 0,
                     *         "shipping": 0,
                     *         "tax": 0,
                     *         "total": 0,
                     *         "refunded": 0
                     *       },
                     *       "shippingAddress": {
                     *         "name": "name",
                     *         "line1": "line",
                     *         "line2": "line",
                     *         "city": "city",
                     *         "postalCode": "postalcode",
                     *         "region": "region",
                     *         "country": "DE"
                     *       },
                     *       "shippingOption": {
                     *         "id": "example id",
                     *         "name": "example name",
                     *         "amount": 0
                     *       },
                     *       "payment": {
                     *         "id": "example id",
                     *         "provider": "example provider",
                     *         "status": "example status"
                     *       },
                     *       "fulfillments": [
                     *         {
                     *           "id": "example id",
                     *           "trackingNumber": "example trackingNumber",
                     *           "carrier": "example carrier",
                     *           "shippedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "history": [
                     *         {
                     *           "status": "pending",
                     *           "at": "2026-01-15T09:30:00.000Z",
                     *           "actor": "example actor",
                     *           "note": "example note"
                     *         }
                     *       ],
                     *       "sagaId": "example sagaId",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        userId: string | null;
                        email: string;
                        /**
                         * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                         * @default pending
                         * @enum {string}
                         */
                        status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                        currency: string;
                        lines: {
                            sku: string;
                            productId: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            unitPrice: string | number;
                            quantity: string | number;
                            /** @description Minor units of the order’s currency */
                            lineTotal: string | number;
                        }[];
                        /** @description total = subtotal + shipping + tax; refunded is all given back so far */
                        totals: {
                            /** @description Minor units of the order’s currency */
                            subtotal: string | number;
                            /** @description Minor units of the order’s currency */
                            shipping: string | number;
                            /** @description Minor units of the order’s currency */
                            tax: string | number;
                            /** @description Minor units of the order’s currency */
                            total: string | number;
                            /** @description Minor units of the order’s currency */
                            refunded: string | number;
                        };
                        shippingAddress: {
                            name: string;
                            line1: string;
                            line2?: string;
                            city: string;
                            postalCode: string;
                            region?: string;
                            /**
                             * @description ISO 3166-1 alpha-2
                             * @example DE
                             */
                            country: string;
                            phone?: string;
                        };
                        shippingOption: {
                            id: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            amount: string | number;
                        };
                        payment: {
                            id: string | null;
                            provider: string;
                            status: string | null;
                        };
                        fulfillments: {
                            id: string;
                            trackingNumber: string;
                            carrier: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                        }[];
                        /** @description Oldest first */
                        history: {
                            /**
                             * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                             * @default pending
                             * @enum {string}
                             */
                            status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                            /** Format: date-time */
                            at: string;
                            /** @description usr_…, svc:order, or system */
                            actor: string;
                            note: string | null;
                        }[];
                        sagaId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error 402 */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payment-declined",
                     *       "title": "Payment declined",
                     *       "status": 402,
                     *       "code": "payment_declined",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSagas: {
        parameters: {
            query?: {
                status?: "running" | "awaiting_action" | "completed" | "compensating" | "compensated" | "needs_attention";
                cursor?: string;
                limit?: string | number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "example id",
                     *           "kind": "checkout",
                     *           "orderId": "example orderId",
                     *           "status": "running",
                     *           "currentStep": "example currentStep",
                     *           "lastError": "example lastError",
                     *           "attempts": 0,
                     *           "nextAttemptAt": "2026-01-15T09:30:00.000Z",
                     *           "actionDeadline": "2026-01-15T09:30:00.000Z",
                     *           "steps": [
                     *             {
                     *               "name": "example name",
                     *               "direction": "forward",
                     *               "status": "started",
                     *               "attempts": 0,
                     *               "startedAt": "2026-01-15T09:30:00.000Z",
                     *               "finishedAt": "2026-01-15T09:30:00.000Z",
                     *               "error": "example error"
                     *             }
                     *           ],
                     *           "createdAt": "2026-01-15T09:30:00.000Z",
                     *           "updatedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": "example nextCursor"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            /**
                             * @default checkout
                             * @enum {string}
                             */
                            kind: "checkout" | "cancel" | "refund";
                            orderId: string;
                            /**
                             * @default running
                             * @enum {string}
                             */
                            status: "running" | "awaiting_action" | "completed" | "compensating" | "compensated" | "needs_attention";
                            currentStep: string | null;
                            lastError: string | null;
                            /** @description Failed attempts of the current step */
                            attempts: string | number;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** Format: date-time */
                            actionDeadline: string | null;
                            /** @description The timeline: each step as first started, with its latest attempt */
                            steps: {
                                name: string;
                                /**
                                 * @default forward
                                 * @enum {string}
                                 */
                                direction: "forward" | "compensate";
                                /**
                                 * @default started
                                 * @enum {string}
                                 */
                                status: "started" | "succeeded" | "failed";
                                attempts: string | number;
                                /** Format: date-time */
                                startedAt: string;
                                /** Format: date-time */
                                finishedAt: string | null;
                                error: string | null;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSaga: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "kind": "checkout",
                     *       "orderId": "example orderId",
                     *       "status": "running",
                     *       "currentStep": "example currentStep",
                     *       "lastError": "example lastError",
                     *       "attempts": 0,
                     *       "nextAttemptAt": "2026-01-15T09:30:00.000Z",
                     *       "actionDeadline": "2026-01-15T09:30:00.000Z",
                     *       "steps": [
                     *         {
                     *           "name": "example name",
                     *           "direction": "forward",
                     *           "status": "started",
                     *           "attempts": 0,
                     *           "startedAt": "2026-01-15T09:30:00.000Z",
                     *           "finishedAt": "2026-01-15T09:30:00.000Z",
                     *           "error": "example error"
                     *         }
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /**
                         * @default checkout
                         * @enum {string}
                         */
                        kind: "checkout" | "cancel" | "refund";
                        orderId: string;
                        /**
                         * @default running
                         * @enum {string}
                         */
                        status: "running" | "awaiting_action" | "completed" | "compensating" | "compensated" | "needs_attention";
                        currentStep: string | null;
                        lastError: string | null;
                        /** @description Failed attempts of the current step */
                        attempts: string | number;
                        /** Format: date-time */
                        nextAttemptAt: string | null;
                        /** Format: date-time */
                        actionDeadline: string | null;
                        /** @description The timeline: each step as first started, with its latest attempt */
                        steps: {
                            name: string;
                            /**
                             * @default forward
                             * @enum {string}
                             */
                            direction: "forward" | "compensate";
                            /**
                             * @default started
                             * @enum {string}
                             */
                            status: "started" | "succeeded" | "failed";
                            attempts: string | number;
                            /** Format: date-time */
                            startedAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                            error: string | null;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retrySaga: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "kind": "checkout",
                     *       "orderId": "example orderId",
                     *       "status": "running",
                     *       "currentStep": "example currentStep",
                     *       "lastError": "example lastError",
                     *       "attempts": 0,
                     *       "nextAttemptAt": "2026-01-15T09:30:00.000Z",
                     *       "actionDeadline": "2026-01-15T09:30:00.000Z",
                     *       "steps": [
                     *         {
                     *           "name": "example name",
                     *           "direction": "forward",
                     *           "status": "started",
                     *           "attempts": 0,
                     *           "startedAt": "2026-01-15T09:30:00.000Z",
                     *           "finishedAt": "2026-01-15T09:30:00.000Z",
                     *           "error": "example error"
                     *         }
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /**
                         * @default checkout
                         * @enum {string}
                         */
                        kind: "checkout" | "cancel" | "refund";
                        orderId: string;
                        /**
                         * @default running
                         * @enum {string}
                         */
                        status: "running" | "awaiting_action" | "completed" | "compensating" | "compensated" | "needs_attention";
                        currentStep: string | null;
                        lastError: string | null;
                        /** @description Failed attempts of the current step */
                        attempts: string | number;
                        /** Format: date-time */
                        nextAttemptAt: string | null;
                        /** Format: date-time */
                        actionDeadline: string | null;
                        /** @description The timeline: each step as first started, with its latest attempt */
                        steps: {
                            name: string;
                            /**
                             * @default forward
                             * @enum {string}
                             */
                            direction: "forward" | "compensate";
                            /**
                             * @default started
                             * @enum {string}
                             */
                            status: "started" | "succeeded" | "failed";
                            attempts: string | number;
                            /** Format: date-time */
                            startedAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                            error: string | null;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    compensateSaga: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "kind": "checkout",
                     *       "orderId": "example orderId",
                     *       "status": "running",
                     *       "currentStep": "example currentStep",
                     *       "lastError": "example lastError",
                     *       "attempts": 0,
                     *       "nextAttemptAt": "2026-01-15T09:30:00.000Z",
                     *       "actionDeadline": "2026-01-15T09:30:00.000Z",
                     *       "steps": [
                     *         {
                     *           "name": "example name",
                     *           "direction": "forward",
                     *           "status": "started",
                     *           "attempts": 0,
                     *           "startedAt": "2026-01-15T09:30:00.000Z",
                     *           "finishedAt": "2026-01-15T09:30:00.000Z",
                     *           "error": "example error"
                     *         }
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /**
                         * @default checkout
                         * @enum {string}
                         */
                        kind: "checkout" | "cancel" | "refund";
                        orderId: string;
                        /**
                         * @default running
                         * @enum {string}
                         */
                        status: "running" | "awaiting_action" | "completed" | "compensating" | "compensated" | "needs_attention";
                        currentStep: string | null;
                        lastError: string | null;
                        /** @description Failed attempts of the current step */
                        attempts: string | number;
                        /** Format: date-time */
                        nextAttemptAt: string | null;
                        /** Format: date-time */
                        actionDeadline: string | null;
                        /** @description The timeline: each step as first started, with its latest attempt */
                        steps: {
                            name: string;
                            /**
                             * @default forward
                             * @enum {string}
                             */
                            direction: "forward" | "compensate";
                            /**
                             * @default started
                             * @enum {string}
                             */
                            status: "started" | "succeeded" | "failed";
                            attempts: string | number;
                            /** Format: date-time */
                            startedAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                            error: string | null;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOwnOrders: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: string | number;
                status?: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "example id",
                     *           "userId": "example userId",
                     *           "email": "example email",
                     *           "status": "pending",
                     *           "currency": "CUR",
                     *           "lines": [
                     *             {
                     *               "sku": "example sku",
                     *               "productId": "example productId",
                     *               "name": "example name",
                     *               "unitPrice": 0,
                     *               "quantity": 1,
                     *               "lineTotal": 0
                     *             }
                     *           ],
                     *           "totals": {
                     *             "subtotal": 0,
                     *             "shipping": 0,
                     *             "tax": 0,
                     *             "total": 0,
                     *             "refunded": 0
                     *           },
                     *           "shippingAddress": {
                     *             "name": "name",
                     *             "line1": "line",
                     *             "line2": "line",
                     *             "city": "city",
                     *             "postalCode": "postalcode",
                     *             "region": "region",
                     *             "country": "DE"
                     *           },
                     *           "shippingOption": {
                     *             "id": "example id",
                     *             "name": "example name",
                     *             "amount": 0
                     *           },
                     *           "payment": {
                     *             "id": "example id",
                     *             "provider": "example provider",
                     *             "status": "example status"
                     *           },
                     *           "fulfillments": [
                     *             {
                     *               "id": "example id",
                     *               "trackingNumber": "example trackingNumber",
                     *               "carrier": "example carrier",
                     *               "shippedAt": "2026-01-15T09:30:00.000Z"
                     *             }
                     *           ],
                     *           "history": [
                     *             {
                     *               "status": "pending",
                     *               "at": "2026-01-15T09:30:00.000Z",
                     *               "actor": "example actor",
                     *               "note": "example note"
                     *             }
                     *           ],
                     *           "sagaId": "example sagaId",
                     *           "createdAt": "2026-01-15T09:30:00.000Z",
                     *           "updatedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": "example nextCursor"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            userId: string | null;
                            email: string;
                            /**
                             * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                             * @default pending
                             * @enum {string}
                             */
                            status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                            currency: string;
                            lines: {
                                sku: string;
                                productId: string;
                                name: string;
                                /** @description Minor units of the order’s currency */
                                unitPrice: string | number;
                                quantity: string | number;
                                /** @description Minor units of the order’s currency */
                                lineTotal: string | number;
                            }[];
                            /** @description total = subtotal + shipping + tax; refunded is all given back so far */
                            totals: {
                                /** @description Minor units of the order’s currency */
                                subtotal: string | number;
                                /** @description Minor units of the order’s currency */
                                shipping: string | number;
                                /** @description Minor units of the order’s currency */
                                tax: string | number;
                                /** @description Minor units of the order’s currency */
                                total: string | number;
                                /** @description Minor units of the order’s currency */
                                refunded: string | number;
                            };
                            shippingAddress: {
                                name: string;
                                line1: string;
                                line2?: string;
                                city: string;
                                postalCode: string;
                                region?: string;
                                /**
                                 * @description ISO 3166-1 alpha-2
                                 * @example DE
                                 */
                                country: string;
                                phone?: string;
                            };
                            shippingOption: {
                                id: string;
                                name: string;
                                /** @description Minor units of the order’s currency */
                                amount: string | number;
                            };
                            payment: {
                                id: string | null;
                                provider: string;
                                status: string | null;
                            };
                            fulfillments: {
                                id: string;
                                trackingNumber: string;
                                carrier: string | null;
                                /** Format: date-time */
                                shippedAt: string;
                            }[];
                            /** @description Oldest first */
                            history: {
                                /**
                                 * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                                 * @default pending
                                 * @enum {string}
                                 */
                                status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                                /** Format: date-time */
                                at: string;
                                /** @description usr_…, svc:order, or system */
                                actor: string;
                                note: string | null;
                            }[];
                            sagaId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: string | number;
                status?: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                since?: string;
                email?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "example id",
                     *           "userId": "example userId",
                     *           "email": "example email",
                     *           "status": "pending",
                     *           "currency": "CUR",
                     *           "lines": [
                     *             {
                     *               "sku": "example sku",
                     *               "productId": "example productId",
                     *               "name": "example name",
                     *               "unitPrice": 0,
                     *               "quantity": 1,
                     *               "lineTotal": 0
                     *             }
                     *           ],
                     *           "totals": {
                     *             "subtotal": 0,
                     *             "shipping": 0,
                     *             "tax": 0,
                     *             "total": 0,
                     *             "refunded": 0
                     *           },
                     *           "shippingAddress": {
                     *             "name": "name",
                     *             "line1": "line",
                     *             "line2": "line",
                     *             "city": "city",
                     *             "postalCode": "postalcode",
                     *             "region": "region",
                     *             "country": "DE"
                     *           },
                     *           "shippingOption": {
                     *             "id": "example id",
                     *             "name": "example name",
                     *             "amount": 0
                     *           },
                     *           "payment": {
                     *             "id": "example id",
                     *             "provider": "example provider",
                     *             "status": "example status"
                     *           },
                     *           "fulfillments": [
                     *             {
                     *               "id": "example id",
                     *               "trackingNumber": "example trackingNumber",
                     *               "carrier": "example carrier",
                     *               "shippedAt": "2026-01-15T09:30:00.000Z"
                     *             }
                     *           ],
                     *           "history": [
                     *             {
                     *               "status": "pending",
                     *               "at": "2026-01-15T09:30:00.000Z",
                     *               "actor": "example actor",
                     *               "note": "example note"
                     *             }
                     *           ],
                     *           "sagaId": "example sagaId",
                     *           "createdAt": "2026-01-15T09:30:00.000Z",
                     *           "updatedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": "example nextCursor"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            userId: string | null;
                            email: string;
                            /**
                             * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                             * @default pending
                             * @enum {string}
                             */
                            status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                            currency: string;
                            lines: {
                                sku: string;
                                productId: string;
                                name: string;
                                /** @description Minor units of the order’s currency */
                                unitPrice: string | number;
                                quantity: string | number;
                                /** @description Minor units of the order’s currency */
                                lineTotal: string | number;
                            }[];
                            /** @description total = subtotal + shipping + tax; refunded is all given back so far */
                            totals: {
                                /** @description Minor units of the order’s currency */
                                subtotal: string | number;
                                /** @description Minor units of the order’s currency */
                                shipping: string | number;
                                /** @description Minor units of the order’s currency */
                                tax: string | number;
                                /** @description Minor units of the order’s currency */
                                total: string | number;
                                /** @description Minor units of the order’s currency */
                                refunded: string | number;
                            };
                            shippingAddress: {
                                name: string;
                                line1: string;
                                line2?: string;
                                city: string;
                                postalCode: string;
                                region?: string;
                                /**
                                 * @description ISO 3166-1 alpha-2
                                 * @example DE
                                 */
                                country: string;
                                phone?: string;
                            };
                            shippingOption: {
                                id: string;
                                name: string;
                                /** @description Minor units of the order’s currency */
                                amount: string | number;
                            };
                            payment: {
                                id: string | null;
                                provider: string;
                                status: string | null;
                            };
                            fulfillments: {
                                id: string;
                                trackingNumber: string;
                                carrier: string | null;
                                /** Format: date-time */
                                shippedAt: string;
                            }[];
                            /** @description Oldest first */
                            history: {
                                /**
                                 * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                                 * @default pending
                                 * @enum {string}
                                 */
                                status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                                /** Format: date-time */
                                at: string;
                                /** @description usr_…, svc:order, or system */
                                actor: string;
                                note: string | null;
                            }[];
                            sagaId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "userId": "example userId",
                     *       "email": "example email",
                     *       "status": "pending",
                     *       "currency": "CUR",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "productId": "example productId",
                     *           "name": "example name",
                     *           "unitPrice": 0,
                     *           "quantity": 1,
                     *           "lineTotal": 0
                     *         }
                     *       ],
                     *       "totals": {
                     *         "subtotal": 0,
                     *         "shipping": 0,
                     *         "tax": 0,
                     *         "total": 0,
                     *         "refunded": 0
                     *       },
                     *       "shippingAddress": {
                     *         "name": "name",
                     *         "line1": "line",
                     *         "line2": "line",
                     *         "city": "city",
                     *         "postalCode": "postalcode",
                     *         "region": "region",
                     *         "country": "DE"
                     *       },
                     *       "shippingOption": {
                     *         "id": "example id",
                     *         "name": "example name",
                     *         "amount": 0
                     *       },
                     *       "payment": {
                     *         "id": "example id",
                     *         "provider": "example provider",
                     *         "status": "example status"
                     *       },
                     *       "fulfillments": [
                     *         {
                     *           "id": "example id",
                     *           "trackingNumber": "example trackingNumber",
                     *           "carrier": "example carrier",
                     *           "shippedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "history": [
                     *         {
                     *           "status": "pending",
                     *           "at": "2026-01-15T09:30:00.000Z",
                     *           "actor": "example actor",
                     *           "note": "example note"
                     *         }
                     *       ],
                     *       "sagaId": "example sagaId",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        userId: string | null;
                        email: string;
                        /**
                         * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                         * @default pending
                         * @enum {string}
                         */
                        status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                        currency: string;
                        lines: {
                            sku: string;
                            productId: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            unitPrice: string | number;
                            quantity: string | number;
                            /** @description Minor units of the order’s currency */
                            lineTotal: string | number;
                        }[];
                        /** @description total = subtotal + shipping + tax; refunded is all given back so far */
                        totals: {
                            /** @description Minor units of the order’s currency */
                            subtotal: string | number;
                            /** @description Minor units of the order’s currency */
                            shipping: string | number;
                            /** @description Minor units of the order’s currency */
                            tax: string | number;
                            /** @description Minor units of the order’s currency */
                            total: string | number;
                            /** @description Minor units of the order’s currency */
                            refunded: string | number;
                        };
                        shippingAddress: {
                            name: string;
                            line1: string;
                            line2?: string;
                            city: string;
                            postalCode: string;
                            region?: string;
                            /**
                             * @description ISO 3166-1 alpha-2
                             * @example DE
                             */
                            country: string;
                            phone?: string;
                        };
                        shippingOption: {
                            id: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            amount: string | number;
                        };
                        payment: {
                            id: string | null;
                            provider: string;
                            status: string | null;
                        };
                        fulfillments: {
                            id: string;
                            trackingNumber: string;
                            carrier: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                        }[];
                        /** @description Oldest first */
                        history: {
                            /**
                             * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                             * @default pending
                             * @enum {string}
                             */
                            status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                            /** Format: date-time */
                            at: string;
                            /** @description usr_…, svc:order, or system */
                            actor: string;
                            note: string | null;
                        }[];
                        sagaId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    fulfilOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "trackingNumber": "1Z999AA10123456784",
                 *       "carrier": "UPS"
                 *     }
                 */
                "application/json": {
                    /** @example 1Z999AA10123456784 */
                    trackingNumber: string;
                    /** @example UPS */
                    carrier?: string;
                };
                /**
                 * @example {
                 *       "trackingNumber": "1Z999AA10123456784",
                 *       "carrier": "UPS"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** @example 1Z999AA10123456784 */
                    trackingNumber: string;
                    /** @example UPS */
                    carrier?: string;
                };
                /**
                 * @example {
                 *       "trackingNumber": "1Z999AA10123456784",
                 *       "carrier": "UPS"
                 *     }
                 */
                "multipart/form-data": {
                    /** @example 1Z999AA10123456784 */
                    trackingNumber: string;
                    /** @example UPS */
                    carrier?: string;
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "userId": "example userId",
                     *       "email": "example email",
                     *       "status": "pending",
                     *       "currency": "CUR",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "productId": "example productId",
                     *           "name": "example name",
                     *           "unitPrice": 0,
                     *           "quantity": 1,
                     *           "lineTotal": 0
                     *         }
                     *       ],
                     *       "totals": {
                     *         "subtotal": 0,
                     *         "shipping": 0,
                     *         "tax": 0,
                     *         "total": 0,
                     *         "refunded": 0
                     *       },
                     *       "shippingAddress": {
                     *         "name": "name",
                     *         "line1": "line",
                     *         "line2": "line",
                     *         "city": "city",
                     *         "postalCode": "postalcode",
                     *         "region": "region",
                     *         "country": "DE"
                     *       },
                     *       "shippingOption": {
                     *         "id": "example id",
                     *         "name": "example name",
                     *         "amount": 0
                     *       },
                     *       "payment": {
                     *         "id": "example id",
                     *         "provider": "example provider",
                     *         "status": "example status"
                     *       },
                     *       "fulfillments": [
                     *         {
                     *           "id": "example id",
                     *           "trackingNumber": "example trackingNumber",
                     *           "carrier": "example carrier",
                     *           "shippedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "history": [
                     *         {
                     *           "status": "pending",
                     *           "at": "2026-01-15T09:30:00.000Z",
                     *           "actor": "example actor",
                     *           "note": "example note"
                     *         }
                     *       ],
                     *       "sagaId": "example sagaId",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        userId: string | null;
                        email: string;
                        /**
                         * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                         * @default pending
                         * @enum {string}
                         */
                        status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                        currency: string;
                        lines: {
                            sku: string;
                            productId: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            unitPrice: string | number;
                            quantity: string | number;
                            /** @description Minor units of the order’s currency */
                            lineTotal: string | number;
                        }[];
                        /** @description total = subtotal + shipping + tax; refunded is all given back so far */
                        totals: {
                            /** @description Minor units of the order’s currency */
                            subtotal: string | number;
                            /** @description Minor units of the order’s currency */
                            shipping: string | number;
                            /** @description Minor units of the order’s currency */
                            tax: string | number;
                            /** @description Minor units of the order’s currency */
                            total: string | number;
                            /** @description Minor units of the order’s currency */
                            refunded: string | number;
                        };
                        shippingAddress: {
                            name: string;
                            line1: string;
                            line2?: string;
                            city: string;
                            postalCode: string;
                            region?: string;
                            /**
                             * @description ISO 3166-1 alpha-2
                             * @example DE
                             */
                            country: string;
                            phone?: string;
                        };
                        shippingOption: {
                            id: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            amount: string | number;
                        };
                        payment: {
                            id: string | null;
                            provider: string;
                            status: string | null;
                        };
                        fulfillments: {
                            id: string;
                            trackingNumber: string;
                            carrier: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                        }[];
                        /** @description Oldest first */
                        history: {
                            /**
                             * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                             * @default pending
                             * @enum {string}
                             */
                            status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                            /** Format: date-time */
                            at: string;
                            /** @description usr_…, svc:order, or system */
                            actor: string;
                            note: string | null;
                        }[];
                        sagaId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deliverOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "userId": "example userId",
                     *       "email": "example email",
                     *       "status": "pending",
                     *       "currency": "CUR",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "productId": "example productId",
                     *           "name": "example name",
                     *           "unitPrice": 0,
                     *           "quantity": 1,
                     *           "lineTotal": 0
                     *         }
                     *       ],
                     *       "totals": {
                     *         "subtotal": 0,
                     *         "shipping": 0,
                     *         "tax": 0,
                     *         "total": 0,
                     *         "refunded": 0
                     *       },
                     *       "shippingAddress": {
                     *         "name": "name",
                     *         "line1": "line",
                     *         "line2": "line",
                     *         "city": "city",
                     *         "postalCode": "postalcode",
                     *         "region": "region",
                     *         "country": "DE"
                     *       },
                     *       "shippingOption": {
                     *         "id": "example id",
                     *         "name": "example name",
                     *         "amount": 0
                     *       },
                     *       "payment": {
                     *         "id": "example id",
                     *         "provider": "example provider",
                     *         "status": "example status"
                     *       },
                     *       "fulfillments": [
                     *         {
                     *           "id": "example id",
                     *           "trackingNumber": "example trackingNumber",
                     *           "carrier": "example carrier",
                     *           "shippedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "history": [
                     *         {
                     *           "status": "pending",
                     *           "at": "2026-01-15T09:30:00.000Z",
                     *           "actor": "example actor",
                     *           "note": "example note"
                     *         }
                     *       ],
                     *       "sagaId": "example sagaId",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        userId: string | null;
                        email: string;
                        /**
                         * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                         * @default pending
                         * @enum {string}
                         */
                        status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                        currency: string;
                        lines: {
                            sku: string;
                            productId: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            unitPrice: string | number;
                            quantity: string | number;
                            /** @description Minor units of the order’s currency */
                            lineTotal: string | number;
                        }[];
                        /** @description total = subtotal + shipping + tax; refunded is all given back so far */
                        totals: {
                            /** @description Minor units of the order’s currency */
                            subtotal: string | number;
                            /** @description Minor units of the order’s currency */
                            shipping: string | number;
                            /** @description Minor units of the order’s currency */
                            tax: string | number;
                            /** @description Minor units of the order’s currency */
                            total: string | number;
                            /** @description Minor units of the order’s currency */
                            refunded: string | number;
                        };
                        shippingAddress: {
                            name: string;
                            line1: string;
                            line2?: string;
                            city: string;
                            postalCode: string;
                            region?: string;
                            /**
                             * @description ISO 3166-1 alpha-2
                             * @example DE
                             */
                            country: string;
                            phone?: string;
                        };
                        shippingOption: {
                            id: string;
                            name: string;
                            /** @description Minor units of the order’s currency */
                            amount: string | number;
                        };
                        payment: {
                            id: string | null;
                            provider: string;
                            status: string | null;
                        };
                        fulfillments: {
                            id: string;
                            trackingNumber: string;
                            carrier: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                        }[];
                        /** @description Oldest first */
                        history: {
                            /**
                             * @description pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded
                             * @default pending
                             * @enum {string}
                             */
                            status: "pending" | "awaiting_payment" | "paid" | "fulfilled" | "delivered" | "cancelled" | "partially_refunded" | "refunded";
                            /** Format: date-time */
                            at: string;
                            /** @description usr_…, svc:order, or system */
                            actor: string;
                            note: string | null;
                        }[];
                        sagaId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyOrderAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "service": "example service",
                     *       "ok": false,
                     *       "entries": 0,
                     *       "firstBroken": {
                     *         "seq": 1,
                     *         "reason": "example reason"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description The service whose audit trail was checked */
                        service: string;
                        /** @description True when every entry holds */
                        ok: boolean;
                        /** @description Entries checked and found intact */
                        entries: string | number;
                        /** @description Present when ok is false */
                        firstBroken?: {
                            /** @description The first entry that does not hold */
                            seq: string | number;
                            reason: string;
                        };
                    };
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listShippingOptions: {
        parameters: {
            query: {
                country: string;
                currency: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "example id",
                     *           "name": "example name",
                     *           "description": "example description",
                     *           "price": {
                     *             "amount": 0,
                     *             "currency": "example currency"
                     *           },
                     *           "freeOver": 0,
                     *           "estimatedDays": {
                     *             "min": 1,
                     *             "max": 1
                     *           },
                     *           "isDefault": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            description: string;
                            price: {
                                amount: string | number;
                                currency: string;
                            };
                            /** @description Shipping is free at or above this subtotal */
                            freeOver?: string | number;
                            estimatedDays: {
                                min: string | number;
                                max: string | number;
                            };
                            isDefault: boolean;
                        }[];
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminListShippingOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "example id",
                     *           "name": "example name",
                     *           "description": "example description",
                     *           "countries": [
                     *             "example countries"
                     *           ],
                     *           "prices": [
                     *             {
                     *               "currency": "example currency",
                     *               "amount": 0,
                     *               "freeOver": 0
                     *             }
                     *           ],
                     *           "estimatedDays": {
                     *             "min": 1,
                     *             "max": 1
                     *           },
                     *           "isDefault": false,
                     *           "active": false,
                     *           "createdAt": "2026-01-15T09:30:00.000Z",
                     *           "updatedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            description: string;
                            countries: string[];
                            prices: {
                                currency: string;
                                amount: string | number;
                                freeOver: (string | number) | null;
                            }[];
                            estimatedDays: {
                                min: string | number;
                                max: string | number;
                            };
                            isDefault: boolean;
                            /** @description An inactive option is offered to no one */
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createShippingOption: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "name",
                 *       "description": "example description",
                 *       "countries": [
                 *         "DE"
                 *       ],
                 *       "prices": [
                 *         {
                 *           "currency": "EUR",
                 *           "amount": 1,
                 *           "freeOver": 1
                 *         }
                 *       ],
                 *       "estimatedDays": {
                 *         "min": 1,
                 *         "max": 1
                 *       },
                 *       "isDefault": false,
                 *       "active": false
                 *     }
                 */
                "application/json": {
                    name: string;
                    description?: string;
                    /** @description The destinations the option delivers to; empty for everywhere */
                    countries?: string[];
                    /** @description One price per currency; the option is offered only in these currencies */
                    prices: {
                        /**
                         * @description ISO 4217 currency code
                         * @example EUR
                         */
                        currency: string;
                        /** @description The price in minor units (495 is 4.95 EUR) */
                        amount: string | number;
                        freeOver?: (string | number) | null;
                    }[];
                    /** @description Working days from dispatch to delivery, at least and at most */
                    estimatedDays: {
                        min: string | number;
                        max: string | number;
                    };
                    /** @description Make it the default, in place of the current one (default false) */
                    isDefault?: boolean;
                    /** @description Default true */
                    active?: boolean;
                };
                /**
                 * @example {
                 *       "name": "name",
                 *       "description": "example description",
                 *       "countries": [
                 *         "DE"
                 *       ],
                 *       "prices": [
                 *         {
                 *           "currency": "EUR",
                 *           "amount": 1,
                 *           "freeOver": 1
                 *         }
                 *       ],
                 *       "estimatedDays": {
                 *         "min": 1,
                 *         "max": 1
                 *       },
                 *       "isDefault": false,
                 *       "active": false
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    name: string;
                    description?: string;
                    /** @description The destinations the option delivers to; empty for everywhere */
                    countries?: string[];
                    /** @description One price per currency; the option is offered only in these currencies */
                    prices: {
                        /**
                         * @description ISO 4217 currency code
                         * @example EUR
                         */
                        currency: string;
                        /** @description The price in minor units (495 is 4.95 EUR) */
                        amount: string | number;
                        freeOver?: (string | number) | null;
                    }[];
                    /** @description Working days from dispatch to delivery, at least and at most */
                    estimatedDays: {
                        min: string | number;
                        max: string | number;
                    };
                    /** @description Make it the default, in place of the current one (default false) */
                    isDefault?: boolean;
                    /** @description Default true */
                    active?: boolean;
                };
                /**
                 * @example {
                 *       "name": "name",
                 *       "description": "example description",
                 *       "countries": [
                 *         "DE"
                 *       ],
                 *       "prices": [
                 *         {
                 *           "currency": "EUR",
                 *           "amount": 1,
                 *           "freeOver": 1
                 *         }
                 *       ],
                 *       "estimatedDays": {
                 *         "min": 1,
                 *         "max": 1
                 *       },
                 *       "isDefault": false,
                 *       "active": false
                 *     }
                 */
                "multipart/form-data": {
                    name: string;
                    description?: string;
                    /** @description The destinations the option delivers to; empty for everywhere */
                    countries?: string[];
                    /** @description One price per currency; the option is offered only in these currencies */
                    prices: {
                        /**
                         * @description ISO 4217 currency code
                         * @example EUR
                         */
                        currency: string;
                        /** @description The price in minor units (495 is 4.95 EUR) */
                        amount: string | number;
                        freeOver?: (string | number) | null;
                    }[];
                    /** @description Working days from dispatch to delivery, at least and at most */
                    estimatedDays: {
                        min: string | number;
                        max: string | number;
                    };
                    /** @description Make it the default, in place of the current one (default false) */
                    isDefault?: boolean;
                    /** @description Default true */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "name": "example name",
                     *       "description": "example description",
                     *       "countries": [
                     *         "example countries"
                     *       ],
                     *       "prices": [
                     *         {
                     *           "currency": "example currency",
                     *           "amount": 0,
                     *           "freeOver": 0
                     *         }
                     *       ],
                     *       "estimatedDays": {
                     *         "min": 1,
                     *         "max": 1
                     *       },
                     *       "isDefault": false,
                     *       "active": false,
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        countries: string[];
                        prices: {
                            currency: string;
                            amount: string | number;
                            freeOver: (string | number) | null;
                        }[];
                        estimatedDays: {
                            min: string | number;
                            max: string | number;
                        };
                        isDefault: boolean;
                        /** @description An inactive option is offered to no one */
                        active: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminGetShippingOption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "name": "example name",
                     *       "description": "example description",
                     *       "countries": [
                     *         "example countries"
                     *       ],
                     *       "prices": [
                     *         {
                     *           "currency": "example currency",
                     *           "amount": 0,
                     *           "freeOver": 0
                     *         }
                     *       ],
                     *       "estimatedDays": {
                     *         "min": 1,
                     *         "max": 1
                     *       },
                     *       "isDefault": false,
                     *       "active": false,
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        countries: string[];
                        prices: {
                            currency: string;
                            amount: string | number;
                            freeOver: (string | number) | null;
                        }[];
                        estimatedDays: {
                            min: string | number;
                            max: string | number;
                        };
                        isDefault: boolean;
                        /** @description An inactive option is offered to no one */
                        active: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deactivateShippingOption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "name": "example name",
                     *       "description": "example description",
                     *       "countries": [
                     *         "example countries"
                     *       ],
                     *       "prices": [
                     *         {
                     *           "currency": "example currency",
                     *           "amount": 0,
                     *           "freeOver": 0
                     *         }
                     *       ],
                     *       "estimatedDays": {
                     *         "min": 1,
                     *         "max": 1
                     *       },
                     *       "isDefault": false,
                     *       "active": false,
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        countries: string[];
                        prices: {
                            currency: string;
                            amount: string | number;
                            freeOver: (string | number) | null;
                        }[];
                        estimatedDays: {
                            min: string | number;
                            max: string | number;
                        };
                        isDefault: boolean;
                        /** @description An inactive option is offered to no one */
                        active: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateShippingOption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "name",
                 *       "description": "example description",
                 *       "countries": [
                 *         "DE"
                 *       ],
                 *       "prices": [
                 *         {
                 *           "currency": "EUR",
                 *           "amount": 1,
                 *           "freeOver": 1
                 *         }
                 *       ],
                 *       "estimatedDays": {
                 *         "min": 1,
                 *         "max": 1
                 *       },
                 *       "isDefault": false,
                 *       "active": false
                 *     }
                 */
                "application/json": {
                    name?: string;
                    description?: string;
                    /** @description The destinations the option delivers to; empty for everywhere */
                    countries?: string[];
                    /** @description One price per currency; the option is offered only in these currencies */
                    prices?: {
                        /**
                         * @description ISO 4217 currency code
                         * @example EUR
                         */
                        currency: string;
                        /** @description The price in minor units (495 is 4.95 EUR) */
                        amount: string | number;
                        freeOver?: (string | number) | null;
                    }[];
                    /** @description Working days from dispatch to delivery, at least and at most */
                    estimatedDays?: {
                        min: string | number;
                        max: string | number;
                    };
                    /** @description true makes it the default in place of the current one; the default cannot be unset */
                    isDefault?: boolean;
                    /** @description The default cannot be deactivated */
                    active?: boolean;
                };
                /**
                 * @example {
                 *       "name": "name",
                 *       "description": "example description",
                 *       "countries": [
                 *         "DE"
                 *       ],
                 *       "prices": [
                 *         {
                 *           "currency": "EUR",
                 *           "amount": 1,
                 *           "freeOver": 1
                 *         }
                 *       ],
                 *       "estimatedDays": {
                 *         "min": 1,
                 *         "max": 1
                 *       },
                 *       "isDefault": false,
                 *       "active": false
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    name?: string;
                    description?: string;
                    /** @description The destinations the option delivers to; empty for everywhere */
                    countries?: string[];
                    /** @description One price per currency; the option is offered only in these currencies */
                    prices?: {
                        /**
                         * @description ISO 4217 currency code
                         * @example EUR
                         */
                        currency: string;
                        /** @description The price in minor units (495 is 4.95 EUR) */
                        amount: string | number;
                        freeOver?: (string | number) | null;
                    }[];
                    /** @description Working days from dispatch to delivery, at least and at most */
                    estimatedDays?: {
                        min: string | number;
                        max: string | number;
                    };
                    /** @description true makes it the default in place of the current one; the default cannot be unset */
                    isDefault?: boolean;
                    /** @description The default cannot be deactivated */
                    active?: boolean;
                };
                /**
                 * @example {
                 *       "name": "name",
                 *       "description": "example description",
                 *       "countries": [
                 *         "DE"
                 *       ],
                 *       "prices": [
                 *         {
                 *           "currency": "EUR",
                 *           "amount": 1,
                 *           "freeOver": 1
                 *         }
                 *       ],
                 *       "estimatedDays": {
                 *         "min": 1,
                 *         "max": 1
                 *       },
                 *       "isDefault": false,
                 *       "active": false
                 *     }
                 */
                "multipart/form-data": {
                    name?: string;
                    description?: string;
                    /** @description The destinations the option delivers to; empty for everywhere */
                    countries?: string[];
                    /** @description One price per currency; the option is offered only in these currencies */
                    prices?: {
                        /**
                         * @description ISO 4217 currency code
                         * @example EUR
                         */
                        currency: string;
                        /** @description The price in minor units (495 is 4.95 EUR) */
                        amount: string | number;
                        freeOver?: (string | number) | null;
                    }[];
                    /** @description Working days from dispatch to delivery, at least and at most */
                    estimatedDays?: {
                        min: string | number;
                        max: string | number;
                    };
                    /** @description true makes it the default in place of the current one; the default cannot be unset */
                    isDefault?: boolean;
                    /** @description The default cannot be deactivated */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "name": "example name",
                     *       "description": "example description",
                     *       "countries": [
                     *         "example countries"
                     *       ],
                     *       "prices": [
                     *         {
                     *           "currency": "example currency",
                     *           "amount": 0,
                     *           "freeOver": 0
                     *         }
                     *       ],
                     *       "estimatedDays": {
                     *         "min": 1,
                     *         "max": 1
                     *       },
                     *       "isDefault": false,
                     *       "active": false,
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        countries: string[];
                        prices: {
                            currency: string;
                            amount: string | number;
                            freeOver: (string | number) | null;
                        }[];
                        estimatedDays: {
                            min: string | number;
                            max: string | number;
                        };
                        isDefault: boolean;
                        /** @description An inactive option is offered to no one */
                        active: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTaxRates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "country": "example country",
                     *           "rate": 1900,
                     *           "updatedAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            country: string;
                            /**
                             * @description Basis points: 1900 is 19%, applied on top of subtotal plus shipping
                             * @example 1900
                             */
                            rate: string | number;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setTaxRate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                country: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "rate": 1900
                 *     }
                 */
                "application/json": {
                    /**
                     * @description Basis points: 1900 is 19%, applied on top of subtotal plus shipping
                     * @example 1900
                     */
                    rate: string | number;
                };
                /**
                 * @example {
                 *       "rate": 1900
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /**
                     * @description Basis points: 1900 is 19%, applied on top of subtotal plus shipping
                     * @example 1900
                     */
                    rate: string | number;
                };
                /**
                 * @example {
                 *       "rate": 1900
                 *     }
                 */
                "multipart/form-data": {
                    /**
                     * @description Basis points: 1900 is 19%, applied on top of subtotal plus shipping
                     * @example 1900
                     */
                    rate: string | number;
                };
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "country": "example country",
                     *       "rate": 1900,
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        country: string;
                        /**
                         * @description Basis points: 1900 is 19%, applied on top of subtotal plus shipping
                         * @example 1900
                         */
                        rate: string | number;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTaxRate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                country: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 204 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    authorizePayment: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reference": "ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J",
                 *       "amount": 4999,
                 *       "currency": "EUR",
                 *       "provider": "test",
                 *       "token": "tok_visa"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description What the payment is for, such as an order id
                     * @example ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J
                     */
                    reference: string;
                    /**
                     * @description The amount to hold, in integer minor units
                     * @example 4999
                     */
                    amount: string | number;
                    /**
                     * @description ISO 4217 currency code
                     * @example EUR
                     */
                    currency: string;
                    /**
                     * @description Who processes the card
                     * @constant
                     */
                    provider: "test";
                    /**
                     * @description The provider's token for the card (the test provider's: tok_visa, tok_3ds, ...)
                     * @example tok_visa
                     */
                    token: string;
                };
                /**
                 * @example {
                 *       "reference": "ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J",
                 *       "amount": 4999,
                 *       "currency": "EUR",
                 *       "provider": "test",
                 *       "token": "tok_visa"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /**
                     * @description What the payment is for, such as an order id
                     * @example ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J
                     */
                    reference: string;
                    /**
                     * @description The amount to hold, in integer minor units
                     * @example 4999
                     */
                    amount: string | number;
                    /**
                     * @description ISO 4217 currency code
                     * @example EUR
                     */
                    currency: string;
                    /**
                     * @description Who processes the card
                     * @constant
                     */
                    provider: "test";
                    /**
                     * @description The provider's token for the card (the test provider's: tok_visa, tok_3ds, ...)
                     * @example tok_visa
                     */
                    token: string;
                };
                /**
                 * @example {
                 *       "reference": "ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J",
                 *       "amount": 4999,
                 *       "currency": "EUR",
                 *       "provider": "test",
                 *       "token": "tok_visa"
                 *     }
                 */
                "multipart/form-data": {
                    /**
                     * @description What the payment is for, such as an order id
                     * @example ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J
                     */
                    reference: string;
                    /**
                     * @description The amount to hold, in integer minor units
                     * @example 4999
                     */
                    amount: string | number;
                    /**
                     * @description ISO 4217 currency code
                     * @example EUR
                     */
                    currency: string;
                    /**
                     * @description Who processes the card
                     * @constant
                     */
                    provider: "test";
                    /**
                     * @description The provider's token for the card (the test provider's: tok_visa, tok_3ds, ...)
                     * @example tok_visa
                     */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "reference": "example reference",
                     *       "amount": 1,
                     *       "currency": "example currency",
                     *       "status": "pending",
                     *       "provider": "example provider",
                     *       "providerReference": "example providerReference",
                     *       "nextAction": {
                     *         "type": "redirect",
                     *         "url": "example url"
                     *       },
                     *       "failureReason": "example failureReason",
                     *       "capturedAmount": 1,
                     *       "refundedAmount": 1,
                     *       "refunds": [
                     *         {
                     *           "id": "example id",
                     *           "amount": 1,
                     *           "status": "pending",
                     *           "createdAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "transactions": [
                     *         {
                     *           "id": "example id",
                     *           "kind": "authorize",
                     *           "amount": 1,
                     *           "currency": "example currency",
                     *           "providerReference": "example providerReference",
                     *           "idempotencyKey": "example idempotencyKey",
                     *           "outcome": "succeeded",
                     *           "detail": "example detail",
                     *           "createdAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        reference: string;
                        amount: string | number;
                        currency: string;
                        /** @enum {string} */
                        status: "pending" | "requires_action" | "authorized" | "captured" | "voided" | "refunded" | "partially_refunded" | "failed";
                        provider: string;
                        providerReference: string | null;
                        /** @description Where the customer goes to approve the payment, when it awaits them */
                        nextAction: {
                            /** @constant */
                            type: "redirect";
                            url: string;
                        } | null;
                        failureReason: string | null;
                        capturedAmount: string | number;
                        /** @description Given back, or being given back, in minor units */
                        refundedAmount: string | number;
                        refunds: {
                            id: string;
                            amount: string | number;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed";
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Every call made to the provider for this payment, oldest first */
                        transactions: {
                            id: string;
                            /** @enum {string} */
                            kind: "authorize" | "capture" | "void" | "refund";
                            amount: string | number;
                            currency: string;
                            providerReference: string | null;
                            idempotencyKey: string;
                            /** @enum {string} */
                            outcome: "succeeded" | "requires_action" | "declined" | "failed" | "timeout";
                            detail: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error 402 */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payment-declined",
                     *       "title": "Payment declined",
                     *       "status": 402,
                     *       "code": "payment_declined",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "reference": "example reference",
                     *       "amount": 1,
                     *       "currency": "example currency",
                     *       "status": "pending",
                     *       "provider": "example provider",
                     *       "providerReference": "example providerReference",
                     *       "nextAction": {
                     *         "type": "redirect",
                     *         "url": "example url"
                     *       },
                     *       "failureReason": "example failureReason",
                     *       "capturedAmount": 1,
                     *       "refundedAmount": 1,
                     *       "refunds": [
                     *         {
                     *           "id": "example id",
                     *           "amount": 1,
                     *           "status": "pending",
                     *           "createdAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "transactions": [
                     *         {
                     *           "id": "example id",
                     *           "kind": "authorize",
                     *           "amount": 1,
                     *           "currency": "example currency",
                     *           "providerReference": "example providerReference",
                     *           "idempotencyKey": "example idempotencyKey",
                     *           "outcome": "succeeded",
                     *           "detail": "example detail",
                     *           "createdAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        reference: string;
                        amount: string | number;
                        currency: string;
                        /** @enum {string} */
                        status: "pending" | "requires_action" | "authorized" | "captured" | "voided" | "refunded" | "partially_refunded" | "failed";
                        provider: string;
                        providerReference: string | null;
                        /** @description Where the customer goes to approve the payment, when it awaits them */
                        nextAction: {
                            /** @constant */
                            type: "redirect";
                            url: string;
                        } | null;
                        failureReason: string | null;
                        capturedAmount: string | number;
                        /** @description Given back, or being given back, in minor units */
                        refundedAmount: string | number;
                        refunds: {
                            id: string;
                            amount: string | number;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed";
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Every call made to the provider for this payment, oldest first */
                        transactions: {
                            id: string;
                            /** @enum {string} */
                            kind: "authorize" | "capture" | "void" | "refund";
                            amount: string | number;
                            currency: string;
                            providerReference: string | null;
                            idempotencyKey: string;
                            /** @enum {string} */
                            outcome: "succeeded" | "requires_action" | "declined" | "failed" | "timeout";
                            detail: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    capturePayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "reference": "example reference",
                     *       "amount": 1,
                     *       "currency": "example currency",
                     *       "status": "pending",
                     *       "provider": "example provider",
                     *       "providerReference": "example providerReference",
                     *       "nextAction": {
                     *         "type": "redirect",
                     *         "url": "example url"
                     *       },
                     *       "failureReason": "example failureReason",
                     *       "capturedAmount": 1,
                     *       "refundedAmount": 1,
                     *       "refunds": [
                     *         {
                     *           "id": "example id",
                     *           "amount": 1,
                     *           "status": "pending",
                     *           "createdAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "transactions": [
                     *         {
                     *           "id": "example id",
                     *           "kind": "authorize",
                     *           "amount": 1,
                     *           "currency": "example currency",
                     *           "providerReference": "example providerReference",
                     *           "idempotencyKey": "example idempotencyKey",
                     *           "outcome": "succeeded",
                     *           "detail": "example detail",
                     *           "createdAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        reference: string;
                        amount: string | number;
                        currency: string;
                        /** @enum {string} */
                        status: "pending" | "requires_action" | "authorized" | "captured" | "voided" | "refunded" | "partially_refunded" | "failed";
                        provider: string;
                        providerReference: string | null;
                        /** @description Where the customer goes to approve the payment, when it awaits them */
                        nextAction: {
                            /** @constant */
                            type: "redirect";
                            url: string;
                        } | null;
                        failureReason: string | null;
                        capturedAmount: string | number;
                        /** @description Given back, or being given back, in minor units */
                        refundedAmount: string | number;
                        refunds: {
                            id: string;
                            amount: string | number;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed";
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Every call made to the provider for this payment, oldest first */
                        transactions: {
                            id: string;
                            /** @enum {string} */
                            kind: "authorize" | "capture" | "void" | "refund";
                            amount: string | number;
                            currency: string;
                            providerReference: string | null;
                            idempotencyKey: string;
                            /** @enum {string} */
                            outcome: "succeeded" | "requires_action" | "declined" | "failed" | "timeout";
                            detail: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error 402 */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payment-declined",
                     *       "title": "Payment declined",
                     *       "status": 402,
                     *       "code": "payment_declined",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    voidPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "reference": "example reference",
                     *       "amount": 1,
                     *       "currency": "example currency",
                     *       "status": "pending",
                     *       "provider": "example provider",
                     *       "providerReference": "example providerReference",
                     *       "nextAction": {
                     *         "type": "redirect",
                     *         "url": "example url"
                     *       },
                     *       "failureReason": "example failureReason",
                     *       "capturedAmount": 1,
                     *       "refundedAmount": 1,
                     *       "refunds": [
                     *         {
                     *           "id": "example id",
                     *           "amount": 1,
                     *           "status": "pending",
                     *           "createdAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "transactions": [
                     *         {
                     *           "id": "example id",
                     *           "kind": "authorize",
                     *           "amount": 1,
                     *           "currency": "example currency",
                     *           "providerReference": "example providerReference",
                     *           "idempotencyKey": "example idempotencyKey",
                     *           "outcome": "succeeded",
                     *           "detail": "example detail",
                     *           "createdAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        reference: string;
                        amount: string | number;
                        currency: string;
                        /** @enum {string} */
                        status: "pending" | "requires_action" | "authorized" | "captured" | "voided" | "refunded" | "partially_refunded" | "failed";
                        provider: string;
                        providerReference: string | null;
                        /** @description Where the customer goes to approve the payment, when it awaits them */
                        nextAction: {
                            /** @constant */
                            type: "redirect";
                            url: string;
                        } | null;
                        failureReason: string | null;
                        capturedAmount: string | number;
                        /** @description Given back, or being given back, in minor units */
                        refundedAmount: string | number;
                        refunds: {
                            id: string;
                            amount: string | number;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed";
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Every call made to the provider for this payment, oldest first */
                        transactions: {
                            id: string;
                            /** @enum {string} */
                            kind: "authorize" | "capture" | "void" | "refund";
                            amount: string | number;
                            currency: string;
                            providerReference: string | null;
                            idempotencyKey: string;
                            /** @enum {string} */
                            outcome: "succeeded" | "requires_action" | "declined" | "failed" | "timeout";
                            detail: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error 402 */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payment-declined",
                     *       "title": "Payment declined",
                     *       "status": 402,
                     *       "code": "payment_declined",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refundPayment: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "amount": 4999
                 *     }
                 */
                "application/json": {
                    /**
                     * @description How much to give back; everything left when absent, in integer minor units
                     * @example 4999
                     */
                    amount?: string | number;
                };
                /**
                 * @example {
                 *       "amount": 4999
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /**
                     * @description How much to give back; everything left when absent, in integer minor units
                     * @example 4999
                     */
                    amount?: string | number;
                };
                /**
                 * @example {
                 *       "amount": 4999
                 *     }
                 */
                "multipart/form-data": {
                    /**
                     * @description How much to give back; everything left when absent, in integer minor units
                     * @example 4999
                     */
                    amount?: string | number;
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "reference": "example reference",
                     *       "amount": 1,
                     *       "currency": "example currency",
                     *       "status": "pending",
                     *       "provider": "example provider",
                     *       "providerReference": "example providerReference",
                     *       "nextAction": {
                     *         "type": "redirect",
                     *         "url": "example url"
                     *       },
                     *       "failureReason": "example failureReason",
                     *       "capturedAmount": 1,
                     *       "refundedAmount": 1,
                     *       "refunds": [
                     *         {
                     *           "id": "example id",
                     *           "amount": 1,
                     *           "status": "pending",
                     *           "createdAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "transactions": [
                     *         {
                     *           "id": "example id",
                     *           "kind": "authorize",
                     *           "amount": 1,
                     *           "currency": "example currency",
                     *           "providerReference": "example providerReference",
                     *           "idempotencyKey": "example idempotencyKey",
                     *           "outcome": "succeeded",
                     *           "detail": "example detail",
                     *           "createdAt": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        reference: string;
                        amount: string | number;
                        currency: string;
                        /** @enum {string} */
                        status: "pending" | "requires_action" | "authorized" | "captured" | "voided" | "refunded" | "partially_refunded" | "failed";
                        provider: string;
                        providerReference: string | null;
                        /** @description Where the customer goes to approve the payment, when it awaits them */
                        nextAction: {
                            /** @constant */
                            type: "redirect";
                            url: string;
                        } | null;
                        failureReason: string | null;
                        capturedAmount: string | number;
                        /** @description Given back, or being given back, in minor units */
                        refundedAmount: string | number;
                        refunds: {
                            id: string;
                            amount: string | number;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed";
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Every call made to the provider for this payment, oldest first */
                        transactions: {
                            id: string;
                            /** @enum {string} */
                            kind: "authorize" | "capture" | "void" | "refund";
                            amount: string | number;
                            currency: string;
                            providerReference: string | null;
                            idempotencyKey: string;
                            /** @enum {string} */
                            outcome: "succeeded" | "requires_action" | "declined" | "failed" | "timeout";
                            detail: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error 402 */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payment-declined",
                     *       "title": "Payment declined",
                     *       "status": 402,
                     *       "code": "payment_declined",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    testProviderCheck: {
        parameters: {
            query?: {
                outcome?: "approve" | "fail";
            };
            header?: never;
            path: {
                chargeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example example */
                    "text/plain": string;
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    testProviderCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "paymentId": "example paymentId",
                     *       "status": "pending"
                     *     }
                     */
                    "application/json": {
                        paymentId: string | null;
                        /** @enum {string|null} */
                        status: "pending" | "requires_action" | "authorized" | "captured" | "voided" | "refunded" | "partially_refunded" | "failed" | null;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLowStock: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "sku": "example sku",
                     *           "available": 1,
                     *           "threshold": 0,
                     *           "status": "in_stock"
                     *         }
                     *       ],
                     *       "nextCursor": "example nextCursor"
                     *     }
                     */
                    "application/json": {
                        items: {
                            sku: string;
                            available: string | number;
                            threshold: string | number;
                            /** @enum {string} */
                            status: "in_stock" | "low" | "out";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sku": "example sku",
                     *       "available": 0,
                     *       "status": "in_stock",
                     *       "threshold": 1,
                     *       "locations": [
                     *         {
                     *           "location": "example location",
                     *           "onHand": 0,
                     *           "reserved": 0,
                     *           "available": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        sku: string;
                        available: string | number;
                        /** @enum {string} */
                        status: "in_stock" | "low" | "out";
                        /** @description Available stock at or below which the SKU is low; null for none */
                        threshold?: (string | number) | null;
                        /** @description Per location; only for holders of inventory:read */
                        locations?: {
                            location: string;
                            onHand: string | number;
                            reserved: string | number;
                            available: string | number;
                        }[];
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adjustStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "delta": 12,
                 *       "reason": "delivery",
                 *       "location": "default"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description Units counted in (positive) or out (negative); not 0
                     * @example 12
                     */
                    delta: string | number;
                    /** @example delivery */
                    reason: string;
                    /** @example default */
                    location?: string;
                };
                /**
                 * @example {
                 *       "delta": 12,
                 *       "reason": "delivery",
                 *       "location": "default"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /**
                     * @description Units counted in (positive) or out (negative); not 0
                     * @example 12
                     */
                    delta: string | number;
                    /** @example delivery */
                    reason: string;
                    /** @example default */
                    location?: string;
                };
                /**
                 * @example {
                 *       "delta": 12,
                 *       "reason": "delivery",
                 *       "location": "default"
                 *     }
                 */
                "multipart/form-data": {
                    /**
                     * @description Units counted in (positive) or out (negative); not 0
                     * @example 12
                     */
                    delta: string | number;
                    /** @example delivery */
                    reason: string;
                    /** @example default */
                    location?: string;
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "sku": "example sku",
                     *       "location": "example location",
                     *       "delta": 1,
                     *       "reason": "example reason",
                     *       "actor": "example actor",
                     *       "reservationId": "example reservationId",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "stock": {
                     *         "onHand": 0,
                     *         "reserved": 0,
                     *         "available": 0
                     *       }
                     *     }
                     */
                    "application/json": {
                        id: string;
                        sku: string;
                        location: string;
                        delta: string | number;
                        reason: string;
                        actor: string;
                        reservationId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description The location after it */
                        stock: {
                            onHand: string | number;
                            reserved: string | number;
                            available: string | number;
                        };
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setLowStockThreshold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "threshold": 1
                 *     }
                 */
                "application/json": {
                    /** @description Available stock at or below which the SKU is low; null for none */
                    threshold: (string | number) | null;
                };
                /**
                 * @example {
                 *       "threshold": 1
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** @description Available stock at or below which the SKU is low; null for none */
                    threshold: (string | number) | null;
                };
                /**
                 * @example {
                 *       "threshold": 1
                 *     }
                 */
                "multipart/form-data": {
                    /** @description Available stock at or below which the SKU is low; null for none */
                    threshold: (string | number) | null;
                };
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sku": "example sku",
                     *       "available": 0,
                     *       "status": "in_stock",
                     *       "threshold": 1,
                     *       "locations": [
                     *         {
                     *           "location": "example location",
                     *           "onHand": 0,
                     *           "reserved": 0,
                     *           "available": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        sku: string;
                        available: string | number;
                        /** @enum {string} */
                        status: "in_stock" | "low" | "out";
                        /** @description Available stock at or below which the SKU is low; null for none */
                        threshold?: (string | number) | null;
                        /** @description Per location; only for holders of inventory:read */
                        locations?: {
                            location: string;
                            onHand: string | number;
                            reserved: string | number;
                            available: string | number;
                        }[];
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reserveStock: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reference": "ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J",
                 *       "lines": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "quantity": 2
                 *         }
                 *       ],
                 *       "ttlSeconds": 1
                 *     }
                 */
                "application/json": {
                    /**
                     * @description What the stock is held for, such as an order id
                     * @example ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J
                     */
                    reference: string;
                    lines: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        /** @example 2 */
                        quantity: string | number;
                    }[];
                    /** @description How long the stock is held unless committed; the service default when absent */
                    ttlSeconds?: string | number;
                };
                /**
                 * @example {
                 *       "reference": "ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J",
                 *       "lines": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "quantity": 2
                 *         }
                 *       ],
                 *       "ttlSeconds": 1
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /**
                     * @description What the stock is held for, such as an order id
                     * @example ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J
                     */
                    reference: string;
                    lines: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        /** @example 2 */
                        quantity: string | number;
                    }[];
                    /** @description How long the stock is held unless committed; the service default when absent */
                    ttlSeconds?: string | number;
                };
                /**
                 * @example {
                 *       "reference": "ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J",
                 *       "lines": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "quantity": 2
                 *         }
                 *       ],
                 *       "ttlSeconds": 1
                 *     }
                 */
                "multipart/form-data": {
                    /**
                     * @description What the stock is held for, such as an order id
                     * @example ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J
                     */
                    reference: string;
                    lines: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        /** @example 2 */
                        quantity: string | number;
                    }[];
                    /** @description How long the stock is held unless committed; the service default when absent */
                    ttlSeconds?: string | number;
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "reference": "example reference",
                     *       "status": "reserved",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "location": "default",
                     *           "quantity": 1
                     *         }
                     *       ],
                     *       "expiresAt": "2026-01-15T09:30:00.000Z",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "reserved" | "committed" | "released" | "expired";
                        /** @description Units held per SKU and location */
                        lines: {
                            sku: string;
                            /** @example default */
                            location: string;
                            quantity: string | number;
                        }[];
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "reference": "example reference",
                     *       "status": "reserved",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "location": "default",
                     *           "quantity": 1
                     *         }
                     *       ],
                     *       "expiresAt": "2026-01-15T09:30:00.000Z",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "reserved" | "committed" | "released" | "expired";
                        /** @description Units held per SKU and location */
                        lines: {
                            sku: string;
                            /** @example default */
                            location: string;
                            quantity: string | number;
                        }[];
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    commitReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "reference": "example reference",
                     *       "status": "reserved",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "location": "default",
                     *           "quantity": 1
                     *         }
                     *       ],
                     *       "expiresAt": "2026-01-15T09:30:00.000Z",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "reserved" | "committed" | "released" | "expired";
                        /** @description Units held per SKU and location */
                        lines: {
                            sku: string;
                            /** @example default */
                            location: string;
                            quantity: string | number;
                        }[];
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "reference": "example reference",
                     *       "status": "reserved",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "location": "default",
                     *           "quantity": 1
                     *         }
                     *       ],
                     *       "expiresAt": "2026-01-15T09:30:00.000Z",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "reserved" | "committed" | "released" | "expired";
                        /** @description Units held per SKU and location */
                        lines: {
                            sku: string;
                            /** @example default */
                            location: string;
                            quantity: string | number;
                        }[];
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restockReservation: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "lines": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "quantity": 1
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description What comes back; everything not yet back when absent */
                    lines?: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        /** @example 1 */
                        quantity: string | number;
                    }[];
                };
                /**
                 * @example {
                 *       "lines": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "quantity": 1
                 *         }
                 *       ]
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** @description What comes back; everything not yet back when absent */
                    lines?: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        /** @example 1 */
                        quantity: string | number;
                    }[];
                };
                /**
                 * @example {
                 *       "lines": [
                 *         {
                 *           "sku": "SHIRT-LINEN-M",
                 *           "quantity": 1
                 *         }
                 *       ]
                 *     }
                 */
                "multipart/form-data": {
                    /** @description What comes back; everything not yet back when absent */
                    lines?: {
                        /** @example SHIRT-LINEN-M */
                        sku: string;
                        /** @example 1 */
                        quantity: string | number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "example id",
                     *       "reference": "example reference",
                     *       "status": "reserved",
                     *       "lines": [
                     *         {
                     *           "sku": "example sku",
                     *           "location": "default",
                     *           "quantity": 1
                     *         }
                     *       ],
                     *       "expiresAt": "2026-01-15T09:30:00.000Z",
                     *       "createdAt": "2026-01-15T09:30:00.000Z",
                     *       "updatedAt": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "reserved" | "committed" | "released" | "expired";
                        /** @description Units held per SKU and location */
                        lines: {
                            sku: string;
                            /** @example default */
                            location: string;
                            quantity: string | number;
                        }[];
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request could not be read (malformed JSON or multipart) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "code": "bad_request",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body has a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "code": "unsupported_media_type",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks the schema or a rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/validation-failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "code": "validation_failed",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyInventoryAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "service": "example service",
                     *       "ok": false,
                     *       "entries": 0,
                     *       "firstBroken": {
                     *         "seq": 1,
                     *         "reason": "example reason"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description The service whose audit trail was checked */
                        service: string;
                        /** @description True when every entry holds */
                        ok: boolean;
                        /** @description Entries checked and found intact */
                        entries: string | number;
                        /** @description Present when ok is false */
                        firstBroken?: {
                            /** @description The first entry that does not hold */
                            seq: string | number;
                            reason: string;
                        };
                    };
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "code": "unauthenticated",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the permission this operation needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/rate-limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "code": "rate_limited",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/bad-gateway",
                     *       "title": "Bad gateway",
                     *       "status": 502,
                     *       "code": "bad_gateway",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "unavailable",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service behind the gateway did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://myshop.dev/problems/gateway-timeout",
                     *       "title": "Upstream timed out",
                     *       "status": 504,
                     *       "code": "gateway_timeout",
                     *       "requestId": "req_01JD8X5ZQ4V3N6M2K7P9R1T0W5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
